namespace Euterpe.Vst3;

/// <summary>Calls into a host's IHostApplication (vtable: FUnknown, getName, createInstance).</summary>
public static unsafe class HostApplicationCalls
{
    private const int CreateInstanceSlot = 4;

    /// <summary>
    /// A new IMessage from the host behind <paramref name="context"/> (what IPluginBase::initialize was given), or 0
    /// when there is no host context or it makes no messages. The caller releases it.
    /// </summary>
    public static nint CreateMessage(nint context)
    {
        var application = ComPointer.Query(context, Vst3Iids.IHostApplication);
        if (application == 0) return 0;
        try
        {
            var cid = Vst3Iids.IMessage;
            var iid = Vst3Iids.IMessage;
            nint message = 0;
            var createInstance = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)(*(nint**)application)[CreateInstanceSlot];
            if (createInstance(application, (byte*)&cid, (byte*)&iid, &message) == Vst3Result.Ok) return message;
            ComPointer.Release(message);
            return 0;
        }
        finally
        {
            ComPointer.Release(application);
        }
    }
}
