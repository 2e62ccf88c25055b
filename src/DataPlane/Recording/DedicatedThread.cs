using System.Collections.Concurrent;

namespace Platform.DataPlane.Recording;

/// <summary>
/// Runs an async loop on a thread of its own, with its continuations posted back to that thread.
/// The usage writer's database work is synchronous underneath (Microsoft.Data.Sqlite has no real
/// async I/O); on the thread pool it held the only worker of a one-core data plane and requests
/// queued behind it (bench/README.md). Here it can only take its own thread's time slice.
/// </summary>
internal static class DedicatedThread
{
    public static Task RunAsync(string name, Func<Task> loop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var context = new SingleThreadContext();
            SynchronizationContext.SetSynchronizationContext(context);
            Task task;
            try
            {
                task = loop();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
                return;
            }

            task.ContinueWith(static (_, state) => ((SingleThreadContext)state!).Complete(), context, TaskScheduler.Default);
            context.RunUntilComplete();
            if (task.IsFaulted)
            {
                done.SetException(task.Exception!.InnerExceptions);
            }
            else if (task.IsCanceled)
            {
                done.SetCanceled();
            }
            else
            {
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private sealed class SingleThreadContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Send is not used by the usage writer.");

        public void Complete() => _queue.CompleteAdding();

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }
    }
}
