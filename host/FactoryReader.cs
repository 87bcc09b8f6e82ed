using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>Reads IPluginFactory(2/3): factory info and every class, preferring the richest info the factory offers.</summary>
public static unsafe class FactoryReader
{
    public const string AudioModuleCategory = "Audio Module Class";

    public static (string Vendor, string Url, string Email, int Flags) Info(Vst3Module module)
    {
        PFactoryInfo info;
        var rc = ((delegate* unmanaged[Cdecl]<nint, PFactoryInfo*, int>)Call.Slot(module.Factory, 3))(module.Factory, &info);
        Call.Check(module.BundlePath, "getFactoryInfo", rc);
        return (Vst3Strings.ReadUtf8(info.Vendor, PFactoryInfo.NameSize), Vst3Strings.ReadUtf8(info.Url, PFactoryInfo.UrlSize),
            Vst3Strings.ReadUtf8(info.Email, PFactoryInfo.EmailSize), info.Flags);
    }

    public static List<ClassDescription> Classes(Vst3Module module)
    {
        var factory = module.Factory;
        var count = ((delegate* unmanaged[Cdecl]<nint, int>)Call.Slot(factory, 4))(factory);
        if (count < 0) throw new HostException(module.BundlePath, "countClasses", $"returned {count}");
        var factory2 = ComPointer.Query(factory, Vst3Iids.IPluginFactory2);
        var factory3 = ComPointer.Query(factory, Vst3Iids.IPluginFactory3);
        try
        {
            var classes = new List<ClassDescription>(count);
            for (var i = 0; i < count; i++) classes.Add(Describe(module, factory, factory2, factory3, i));
            return classes;
        }
        finally
        {
            ComPointer.Release(factory2);
            ComPointer.Release(factory3);
        }
    }

    private static ClassDescription Describe(Vst3Module module, nint factory, nint factory2, nint factory3, int index)
    {
        if (factory3 != 0)
        {
            PClassInfoW w;
            if (((delegate* unmanaged[Cdecl]<nint, int, PClassInfoW*, int>)Call.Slot(factory3, 8))(factory3, index, &w) == Vst3Result.Ok)
                return new ClassDescription(index, Cid(w.Cid), Vst3Strings.ReadUtf16(w.Name, PClassInfo.NameSize),
                    Vst3Strings.ReadUtf8(w.Category, PClassInfo.CategorySize), Vst3Strings.ReadUtf8(w.SubCategories, PClassInfo2.SubCategoriesSize),
                    Vst3Strings.ReadUtf16(w.Vendor, PClassInfo2.VendorSize), Vst3Strings.ReadUtf16(w.Version, PClassInfo2.VersionSize),
                    Vst3Strings.ReadUtf16(w.SdkVersion, PClassInfo2.VersionSize), w.Cardinality);
        }
        if (factory2 != 0)
        {
            PClassInfo2 c;
            if (((delegate* unmanaged[Cdecl]<nint, int, PClassInfo2*, int>)Call.Slot(factory2, 7))(factory2, index, &c) == Vst3Result.Ok)
                return new ClassDescription(index, Cid(c.Cid), Vst3Strings.ReadUtf8(c.Name, PClassInfo.NameSize),
                    Vst3Strings.ReadUtf8(c.Category, PClassInfo.CategorySize), Vst3Strings.ReadUtf8(c.SubCategories, PClassInfo2.SubCategoriesSize),
                    Vst3Strings.ReadUtf8(c.Vendor, PClassInfo2.VendorSize), Vst3Strings.ReadUtf8(c.Version, PClassInfo2.VersionSize),
                    Vst3Strings.ReadUtf8(c.SdkVersion, PClassInfo2.VersionSize), c.Cardinality);
        }
        PClassInfo basic;
        Call.Check(module.BundlePath, $"getClassInfo({index})", ((delegate* unmanaged[Cdecl]<nint, int, PClassInfo*, int>)Call.Slot(factory, 5))(factory, index, &basic));
        return new ClassDescription(index, Cid(basic.Cid), Vst3Strings.ReadUtf8(basic.Name, PClassInfo.NameSize),
            Vst3Strings.ReadUtf8(basic.Category, PClassInfo.CategorySize), "", "", "", "", basic.Cardinality);
    }

    private static string Cid(byte* cid) => Convert.ToHexString(new ReadOnlySpan<byte>(cid, 16));
}
