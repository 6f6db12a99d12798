using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.FieldSync.Laptop;

namespace MotCua.Web.Host;

/// <summary>
/// Crashes on purpose, for the field-sync fault tests only (<c>MotCua:Field:Faults:*</c>). Nothing here is registered
/// unless its setting is present, so production paths carry no test switch.
/// </summary>
public static class FaultInjection
{
    public static IServiceCollection AddFaultInjection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var killBeforeCommit = configuration.GetValue("MotCua:Field:Faults:KillServerBeforeCommit", 0);
        if (killBeforeCommit > 0)
        {
            services.AddSingleton<IInterceptor>(new KillBeforeSyncCommit(killBeforeCommit));
        }

        var killBeforeAck = configuration.GetValue("MotCua:Field:Faults:KillBeforeRecordingAck", 0);
        if (killBeforeAck > 0)
        {
            services.AddHttpClient(FieldServerClient.Name).AddHttpMessageHandler(() => new KillOnSyncAnswer(killBeforeAck));
        }

        return services;
    }

    private static void Die() => Process.GetCurrentProcess().Kill();

    /// <summary>The centre dies by SIGKILL while committing its N-th synced item (1-based): the item's rows are written, not committed.</summary>
    private sealed class KillBeforeSyncCommit(int n) : DbTransactionInterceptor
    {
        private int _committing;

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            Count(eventData);
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        private void Count(TransactionEventData eventData)
        {
            // A synced item is committed with its FieldSyncRecord; the batch clears the tracker between items.
            if (eventData.Context?.ChangeTracker.Entries<FieldSyncRecord>().Any() == true && Interlocked.Increment(ref _committing) == n)
            {
                Die();
            }
        }
    }

    /// <summary>The field kit dies on its N-th sync answer (1-based): the centre has committed, the laptop has not recorded it.</summary>
    private sealed class KillOnSyncAnswer(int n) : DelegatingHandler
    {
        private static int _answers;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath.EndsWith("/api/field/sync", StringComparison.Ordinal) == true && response.IsSuccessStatusCode
                && Interlocked.Increment(ref _answers) == n)
            {
                // Read the whole answer first, as the laptop would before recording it.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                Die();
            }

            return response;
        }
    }
}
