using System.Buffers.Binary;

namespace Euterpe.Vst3.Tests;

public class Vst3IidTests
{
    // The DECLARE_CLASS_IID values as published in the VST3 SDK headers (pluginterfaces/base, /vst and /gui).
    public static TheoryData<string, uint, uint, uint, uint> Published => new()
    {
        { nameof(Vst3Iids.FUnknown), 0x00000000, 0x00000000, 0xC0000000, 0x00000046 },
        { nameof(Vst3Iids.IPluginBase), 0x22888DDB, 0x156E45AE, 0x8358B348, 0x08190625 },
        { nameof(Vst3Iids.IPluginFactory), 0x7A4D811C, 0x52114A1F, 0xAED9D2EE, 0x0B43BF9F },
        { nameof(Vst3Iids.IPluginFactory2), 0x0007B650, 0xF24B4C0B, 0xA464EDB9, 0xF00B2ABB },
        { nameof(Vst3Iids.IPluginFactory3), 0x4555A2AB, 0xC1234E57, 0x9B122910, 0x36878931 },
        { nameof(Vst3Iids.IBStream), 0xC3BF6EA2, 0x30994752, 0x9B6BF990, 0x1EE33E9B },
        { nameof(Vst3Iids.IComponent), 0xE831FF31, 0xF2D54301, 0x928EBBEE, 0x25697802 },
        { nameof(Vst3Iids.IAudioProcessor), 0x42043F99, 0xB7DA453C, 0xA569E79D, 0x9AAEC33D },
        { nameof(Vst3Iids.IProcessContextRequirements), 0x2A654303, 0xEF764E3D, 0x95B5FE83, 0x730EF6D0 },
        { nameof(Vst3Iids.IEditController), 0xDCD7BBE3, 0x7742448D, 0xA874AACC, 0x979C759E },
        { nameof(Vst3Iids.IMidiMapping), 0xDF0FF9F7, 0x49B74669, 0xB63AB732, 0x7ADBF5E5 },
        { nameof(Vst3Iids.IConnectionPoint), 0x70A4156F, 0x6E6E4026, 0x989148BF, 0xAA60D8D1 },
        { nameof(Vst3Iids.IUnitInfo), 0x3D4BD6B5, 0x913A4FD2, 0xA886E768, 0xA5EB92C1 },
        { nameof(Vst3Iids.IEventList), 0x3A2C4214, 0x346349FE, 0xB2C4F397, 0xB9695A44 },
        { nameof(Vst3Iids.IParamValueQueue), 0x01263A18, 0xED074F6F, 0x98C9D356, 0x4686F9BA },
        { nameof(Vst3Iids.IParameterChanges), 0xA4779663, 0x0BB64A56, 0xB44384A8, 0x466FEB9D },
        { nameof(Vst3Iids.IHostApplication), 0x58E595CC, 0xDB2D4969, 0x8B6AAF8C, 0x36A664E5 },
        { nameof(Vst3Iids.IComponentHandler), 0x93A0BEA3, 0x0BD045DB, 0x8E890B0C, 0xC1E46AC6 },
        { nameof(Vst3Iids.IMessage), 0x936F033B, 0xC6C047DB, 0xBB0882F8, 0x13C1E613 },
        { nameof(Vst3Iids.IAttributeList), 0x1E5F0AEB, 0xCC7F4533, 0xA2544011, 0x38AD5EE4 },
        // pluginterfaces/gui/iplugview.h
        { nameof(Vst3Iids.IPlugView), 0x5BC32507, 0xD06049EA, 0xA6151B52, 0x2B755B29 },
        { nameof(Vst3Iids.IPlugFrame), 0x367FAF01, 0xAFA94693, 0x8D4DA2A0, 0xED0882A3 },
        { nameof(Vst3Iids.IEventHandler), 0x561E65C9, 0x13A0496F, 0x813A2C35, 0x654D7983 },
        { nameof(Vst3Iids.ITimerHandler), 0x10BDD94F, 0x41424774, 0x821FAD8F, 0xECA72CA9 },
        { nameof(Vst3Iids.IRunLoop), 0x18C35366, 0x97764F1A, 0x9C5B8385, 0x7A871389 },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void IidBytesAreTheFourWordsBigEndian(string name, uint l1, uint l2, uint l3, uint l4)
    {
        // Non-COM (Linux) INLINE_UID: each 32-bit word, most significant byte first.
        var expected = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(expected.AsSpan(0), l1);
        BinaryPrimitives.WriteUInt32BigEndian(expected.AsSpan(4), l2);
        BinaryPrimitives.WriteUInt32BigEndian(expected.AsSpan(8), l3);
        BinaryPrimitives.WriteUInt32BigEndian(expected.AsSpan(12), l4);
        var field = typeof(Vst3Iids).GetField(name) ?? throw new InvalidOperationException(name);
        var tuid = (Tuid)field.GetValue(null)!;
        ReadOnlySpan<byte> actual = tuid;
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }

    [Fact]
    public void EveryIidIsTested()
    {
        var fields = typeof(Vst3Iids).GetFields().Select(f => f.Name).Order();
        var tested = Published.Select(row => (string)row[0]).Order();
        Assert.Equal(fields, tested);
    }

    [Fact]
    public void ResultCodesAreTheNonComValues()
    {
        // funknown.h, the branch for COM_COMPATIBLE == 0: kNoInterface = -1, then 0, 1, 2, ... in order.
        Assert.Equal(-1, Vst3Result.NoInterface);
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6],
            new[] { Vst3Result.Ok, Vst3Result.False, Vst3Result.InvalidArgument, Vst3Result.NotImplemented, Vst3Result.InternalError, Vst3Result.NotInitialized, Vst3Result.OutOfMemory });
    }
}
