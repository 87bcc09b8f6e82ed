namespace Euterpe.Vst3.Tests;

/// <summary>The objects a host hands a plug-in (IHostApplication, IMessage, IAttributeList), called through their native vtables as a plug-in would call them.</summary>
public unsafe class HostApplicationTests
{
    [Fact]
    public void IHostApplication_names_the_host_and_creates_messages_with_working_attribute_lists()
    {
        var host = new HostApplication("Test Host");
        var self = host.InterfacePointer();
        var name = stackalloc char[128];
        Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, char*, int>)Slot(self, 3))(self, name));
        Assert.Equal("Test Host", Vst3Strings.ReadUtf16(name, 128));

        var cid = Vst3Iids.IMessage;
        var iid = Vst3Iids.IMessage;
        nint message = 0;
        Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Slot(self, 4))(self, (byte*)&cid, (byte*)&iid, &message));
        Assert.NotEqual(0, message);

        fixed (byte* id = "Preset\0"u8)
            ((delegate* unmanaged[Cdecl]<nint, byte*, void>)Slot(message, 4))(message, id);
        var back = ((delegate* unmanaged[Cdecl]<nint, byte*>)Slot(message, 3))(message);
        Assert.Equal("Preset", Vst3Strings.ReadUtf8(back, 64));

        var list = ((delegate* unmanaged[Cdecl]<nint, nint>)Slot(message, 5))(message);
        Assert.NotEqual(0, list);
        fixed (byte* key = "count\0"u8)
        fixed (byte* blobKey = "blob\0"u8)
        fixed (byte* textKey = "path\0"u8)
        fixed (char* text = "folk/model.onnx\0")
        {
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, long, int>)Slot(list, 3))(list, key, 42));
            long value;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, long*, int>)Slot(list, 4))(list, key, &value));
            Assert.Equal(42, value);
            double missing;
            Assert.NotEqual(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, double*, int>)Slot(list, 6))(list, key, &missing));

            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, char*, int>)Slot(list, 7))(list, textKey, text));
            var read = stackalloc char[64];
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, char*, uint, int>)Slot(list, 8))(list, textKey, read, 128));
            Assert.Equal("folk/model.onnx", Vst3Strings.ReadUtf16(read, 64));

            var bytes = System.Text.Encoding.ASCII.GetBytes("state bytes");
            fixed (byte* data = bytes)
                Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, void*, uint, int>)Slot(list, 9))(list, blobKey, data, (uint)bytes.Length));
            void* got;
            uint size;
            Assert.Equal(Vst3Result.Ok, ((delegate* unmanaged[Cdecl]<nint, byte*, void**, uint*, int>)Slot(list, 10))(list, blobKey, &got, &size));
            Assert.Equal(bytes, new ReadOnlySpan<byte>(got, (int)size).ToArray());
        }
        Assert.Equal(0u, ComPointer.Release(message));

        var unknown = Vst3Iids.IComponent;
        nint none = 1;
        Assert.Equal(Vst3Result.False, ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Slot(self, 4))(self, (byte*)&unknown, (byte*)&unknown, &none));
        Assert.Equal(0, none);
        Assert.Equal(1, host.MessagesCreated);
        host.Release();
    }

    [Fact]
    public void The_plugin_side_calls_create_address_and_read_a_message()
    {
        var host = new HostApplication("Test Host");
        var message = HostApplicationCalls.CreateMessage(host.InterfacePointer());
        Assert.NotEqual(0, message);
        MessageCalls.SetId(message, "Status"u8);
        Assert.True(MessageCalls.HasId(message, "Status"u8));
        Assert.False(MessageCalls.HasId(message, "Stat"u8));
        var attributes = MessageCalls.Attributes(message);
        Assert.Equal(Vst3Result.Ok, AttributeListCalls.SetString(attributes, "text"u8, "Playing Folk"));
        Assert.Equal("Playing Folk", AttributeListCalls.GetString(attributes, "text"u8, 64));
        Assert.Equal("Play", AttributeListCalls.GetString(attributes, "text"u8, 5));
        Assert.Null(AttributeListCalls.GetString(attributes, "other"u8, 64));
        Assert.Equal(Vst3Result.NotInitialized, ConnectionPointCalls.Notify(0, message));
        Assert.Equal(0u, ComPointer.Release(message));
        // No host context (or one that is no IHostApplication): no message.
        Assert.Equal(0, HostApplicationCalls.CreateMessage(0));
        var stream = new MemoryBStream();
        Assert.Equal(0, HostApplicationCalls.CreateMessage(stream.InterfacePointer()));
        stream.Release();
        Assert.Equal(1, host.MessagesCreated);
        host.Release();
    }

    [Fact]
    public void Exchanging_a_held_reference_for_the_same_object_keeps_it_alive()
    {
        var host = new HostApplication("Test Host");
        nint held = 0;
        ComPointer.Exchange(ref held, host.InterfacePointer());
        Assert.Equal(2, host.References);
        ComPointer.Exchange(ref held, held);
        Assert.Equal(2, host.References);
        ComPointer.Exchange(ref held, 0);
        Assert.Equal((0, 1), (held, host.References));
        host.Release();
    }

    private static nint Slot(nint self, int slot) => (*(nint**)self)[slot];
}
