using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Account;

/// <summary>
/// One attempt to sign in with a user name and password (the sign-in page, the API, a field laptop's PIN): throttled by
/// failures per (name, address) and per address before the account's own lockout counts, answered the same for an
/// unknown account, a wrong password and a locked account, and audited without what was typed.
/// </summary>
/// <remarks>
/// Failures per (name, address) stop at <c>FailedSignInsPerAccount</c> (5 per 15 minutes), below the per-account limit
/// (<c>MotCua:Auth:MaxFailedAttempts</c>, 20 per 15 minutes from all addresses together), so one address can never
/// stop a chosen account; and when many addresses have reached that limit, an address with no failure on the name (the
/// owner at their desk) may still sign in. Failures never lock the account itself: an administrator locks one with
/// <c>users lock</c>, and a locked account answers exactly like a wrong password. The trail
/// stores nothing of a typed name (people type passwords there): a failure on an existing account names the account by
/// its id, a failure on an unknown name stores a keyed hash of it (<see cref="SignInGuard"/>), so that an administrator
/// can see many tries on one made-up name without anyone reading the names back.
/// </remarks>
public static class SignInAttempt
{
    public enum Result
    {
        Succeeded,
        Failed,
        Throttled,
    }

    public sealed record Outcome(Result Result, StaffUser? User = null, TimeSpan? RetryAfter = null);

    public static async Task<Outcome> CheckAsync(string userName, string password, string channel, HttpContext http, SignInManager<StaffUser> signIn, MotCuaDb db,
        FailureThrottle throttle, SignInGuard guard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(guard);
        var name = userName.Trim();
        var address = FailureThrottle.AddressOf(http);
        var account = signIn.UserManager.NormalizeName(name) ?? name;
        var pair = account + "\n" + address;
        var rules = throttle.Rules;
        var wait = Longer(throttle.RetryAfter(rules.SignInPerAccountAndAddress, pair), throttle.RetryAfter(rules.SignInPerAddress, address));
        if (throttle.Count(rules.SignInPerAccountAndAddress, pair) > 0)
        {
            wait = Longer(wait, throttle.RetryAfter(rules.SignInPerAccount, account));
        }

        if (wait is { } w)
        {
            return new Outcome(Result.Throttled, RetryAfter: w);
        }

        var user = await signIn.UserManager.FindByNameAsync(name);
        string failure;
        if (user is null)
        {
            // The same work as checking a real password, so the answer's timing does not say which names exist.
            guard.VerifyDummy(signIn.UserManager.PasswordHasher, password);
            failure = $"unknown account {guard.Pseudonym(name)}";
        }
        else if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            guard.VerifyDummy(signIn.UserManager.PasswordHasher, password);
            failure = "account locked";
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                throttle.Forget(rules.SignInPerAccountAndAddress, pair);
                db.Caller.ActorId = user.Id;
                db.Caller.ActorName = user.UserName;
                db.Caller.UnitId = user.UnitId;
                db.Audit(AuditActions.SignIn, nameof(StaffUser), user.Id, channel);
                await db.SaveChangesAsync(ct);
                return new Outcome(Result.Succeeded, user);
            }

            failure = result.IsLockedOut ? "account locked" : "wrong password";
        }

        var blockedPair = throttle.Fail(rules.SignInPerAccountAndAddress, pair);
        var blockedAddress = throttle.Fail(rules.SignInPerAddress, address);
        blockedPair |= throttle.Fail(rules.SignInPerAccount, account);
        db.Caller.ActorId = "anonymous";
        db.Caller.ActorName = null;
        db.Audit(failure == "account locked" ? AuditActions.LockedOut : AuditActions.SignInFailed, nameof(StaffUser), user?.Id, $"{channel}: {failure}");
        if (blockedPair || blockedAddress)
        {
            db.Audit(AuditActions.SignInThrottled, nameof(StaffUser), user?.Id,
                $"{channel}: {(blockedPair ? rules.SignInPerAccountAndAddress : rules.SignInPerAddress).Name} reached; this address waits {FailureThrottle.Minutes(rules.SignInPerAddress.Window)} minutes at most");
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(Result.Failed, user);
    }

    private static TimeSpan? Longer(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>
/// What sign-in needs beside Identity: a password hash to check when the account does not exist (equal timing), and the
/// key of the pseudonyms of unknown names in the trail (<c>MotCua:Audit:PseudonymKey</c>, base64 of 32 bytes; without
/// it a key made at start, so pseudonyms match within one node's run only).
/// </summary>
public sealed class SignInGuard(IConfiguration configuration)
{
    private readonly byte[] _key = configuration["MotCua:Audit:PseudonymKey"] is { Length: > 0 } k ? Convert.FromBase64String(k) : RandomNumberGenerator.GetBytes(32);

    private string? _dummy;

    public string Pseudonym(string name) =>
        "#" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(name.Trim().ToUpperInvariant())))[..16];

    public void VerifyDummy(IPasswordHasher<StaffUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var user = new StaffUser();
        _dummy ??= hasher.HashPassword(user, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        _ = hasher.VerifyHashedPassword(user, _dummy, password);
    }
}
