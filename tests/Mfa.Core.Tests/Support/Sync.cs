namespace Mfa.Core.Tests.Support;

/// <summary>
/// FsCheck properties here are synchronous; the engine over in-memory stores completes synchronously anyway, so
/// blocking on it costs nothing.
/// </summary>
internal static class Sync
{
    public static T Run<T>(Func<Task<T>> body) => body().GetAwaiter().GetResult();

    public static void Run(Func<Task> body) => body().GetAwaiter().GetResult();
}
