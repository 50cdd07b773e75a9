namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// <c>sock_accept</c>, <c>sock_recv</c>, <c>sock_send</c>, <c>sock_shutdown</c>. No socket is ever
/// handed to the guest, so every call is EBADF for a closed fd and ENOTSOCK for any other
/// (wasi-testsuite sock_shutdown-invalid_fd / sock_shutdown-not_sock).
/// </summary>
internal static class Sock
{
    public static Errno Accept(WasiContext ctx, int fd) => NotASocket(ctx, fd);

    public static Errno Recv(WasiContext ctx, int fd) => NotASocket(ctx, fd);

    public static Errno Send(WasiContext ctx, int fd) => NotASocket(ctx, fd);

    public static Errno Shutdown(WasiContext ctx, int fd) => NotASocket(ctx, fd);

    private static Errno NotASocket(WasiContext ctx, int fd) => ctx.Fds.Get(fd) is null ? Errno.Badf : Errno.NotSock;
}
