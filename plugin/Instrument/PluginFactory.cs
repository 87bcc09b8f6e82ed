using Euterpe.Plugin.Generation;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>The module's IPluginFactory3: two classes, the processor and its controller.</summary>
public sealed unsafe class PluginFactory : ComObject, IPluginFactory3
{
    public PluginFactory() : base([PluginFactory3Thunks.Vtable])
    {
    }

    protected override int SlotOf(in Tuid iid) =>
        iid.Matches(Vst3Iids.IPluginFactory) || iid.Matches(Vst3Iids.IPluginFactory2) || iid.Matches(Vst3Iids.IPluginFactory3) ? 0 : -1;

    public int GetFactoryInfo(PFactoryInfo* info)
    {
        *info = default;
        Vst3Strings.WriteUtf8(PluginIdentity.Vendor, info->Vendor, PFactoryInfo.NameSize);
        Vst3Strings.WriteUtf8(PluginIdentity.Url, info->Url, PFactoryInfo.UrlSize);
        Vst3Strings.WriteUtf8(PluginIdentity.Email, info->Email, PFactoryInfo.EmailSize);
        info->Flags = PFactoryInfo.FlagUnicode;
        return Vst3Result.Ok;
    }

    public int CountClasses() => 2;

    public int GetClassInfo(int index, PClassInfo* info)
    {
        if (!Describe(index, out var cid, out var category, out var name, out _)) return Vst3Result.InvalidArgument;
        *info = default;
        cid.WriteTo(info->Cid);
        info->Cardinality = PClassInfo.ManyInstances;
        Vst3Strings.WriteUtf8(category, info->Category, PClassInfo.CategorySize);
        Vst3Strings.WriteUtf8(name, info->Name, PClassInfo.NameSize);
        return Vst3Result.Ok;
    }

    public int GetClassInfo2(int index, PClassInfo2* info)
    {
        if (!Describe(index, out var cid, out var category, out var name, out var subCategories)) return Vst3Result.InvalidArgument;
        *info = default;
        cid.WriteTo(info->Cid);
        info->Cardinality = PClassInfo.ManyInstances;
        Vst3Strings.WriteUtf8(category, info->Category, PClassInfo.CategorySize);
        Vst3Strings.WriteUtf8(name, info->Name, PClassInfo.NameSize);
        Vst3Strings.WriteUtf8(subCategories, info->SubCategories, PClassInfo2.SubCategoriesSize);
        Vst3Strings.WriteUtf8(PluginIdentity.Vendor, info->Vendor, PClassInfo2.VendorSize);
        Vst3Strings.WriteUtf8(PluginIdentity.Version, info->Version, PClassInfo2.VersionSize);
        Vst3Strings.WriteUtf8(PluginIdentity.SdkVersion, info->SdkVersion, PClassInfo2.VersionSize);
        return Vst3Result.Ok;
    }

    public int GetClassInfoUnicode(int index, PClassInfoW* info)
    {
        if (!Describe(index, out var cid, out var category, out var name, out var subCategories)) return Vst3Result.InvalidArgument;
        *info = default;
        cid.WriteTo(info->Cid);
        info->Cardinality = PClassInfo.ManyInstances;
        Vst3Strings.WriteUtf8(category, info->Category, PClassInfo.CategorySize);
        Vst3Strings.WriteUtf16(name, info->Name, PClassInfo.NameSize);
        Vst3Strings.WriteUtf8(subCategories, info->SubCategories, PClassInfo2.SubCategoriesSize);
        Vst3Strings.WriteUtf16(PluginIdentity.Vendor, info->Vendor, PClassInfo2.VendorSize);
        Vst3Strings.WriteUtf16(PluginIdentity.Version, info->Version, PClassInfo2.VersionSize);
        Vst3Strings.WriteUtf16(PluginIdentity.SdkVersion, info->SdkVersion, PClassInfo2.VersionSize);
        return Vst3Result.Ok;
    }

    public int SetHostContext(nint context) => Vst3Result.Ok;

    public int CreateInstance(byte* cid, byte* iid, nint* result)
    {
        // A new instance sees the folders its process names now (a host that renders preset after preset sets them in turn).
        PresetCatalog.RescanIfSearchPathChanged();
        ComObject instance;
        if (PluginIdentity.ProcessorCid.Matches(cid)) instance = new Euterpe();
        else if (PluginIdentity.ControllerCid.Matches(cid)) instance = new EuterpeController();
        else return Vst3Result.NoInterface;
        var rc = instance.QueryInterface(iid, result);
        // Drop the construction reference: the caller now holds the only one (or none, on failure).
        instance.Release();
        return rc;
    }

    private static bool Describe(int index, out Tuid cid, out string category, out string name, out string subCategories)
    {
        switch (index)
        {
            case 0:
                (cid, category, name, subCategories) = (PluginIdentity.ProcessorCid, PluginIdentity.ProcessorCategory, PluginIdentity.ProcessorName, PluginIdentity.SubCategories);
                return true;
            case 1:
                (cid, category, name, subCategories) = (PluginIdentity.ControllerCid, PluginIdentity.ControllerCategory, PluginIdentity.ControllerName, "");
                return true;
            default:
                (cid, category, name, subCategories) = (default, "", "", "");
                return false;
        }
    }
}
