
namespace MotCua.Web.Features.FieldSync;

/// <param name="Unit">The commune the laptop will work for (administrators only; a leader's own unit otherwise).</param>
/// <param name="TeamId">The mobile team the laptop goes out with: its sessions bring their personal data into the kit.</param>
public sealed record IssueEnrolmentCodeRequest(string? Unit, Guid? TeamId);

public sealed record EnrolmentCodeResponse(string Code, DateTimeOffset ExpiresAt, string Unit, Guid? TeamId, string? TeamName);

/// <param name="Code">The one-time code the leader issued (valid 24 hours).</param>
/// <param name="Name">A name for the laptop, e.g. "Tổ 1 – laptop Dell".</param>
public sealed record EnrolRequest(string? Code, string? Name);

/// <param name="Secret">Shown once: the laptop sends <c>Authorization: Device {deviceId}.{secret}</c> on every call.</param>
public sealed record EnrolResponse(Guid DeviceId, string Secret, Guid UnitId, string Unit, string UnitName, Guid? TeamId, string? TeamName, DateTimeOffset ServerTime);

public sealed record FieldDeviceResponse(Guid Id, string Name, string Unit, Guid? TeamId, string? TeamName, DateTimeOffset EnrolledAt, DateTimeOffset? LastSeenAt, DateTimeOffset? RevokedAt);

/// <param name="Pin">
/// The member's own PIN (6–12 digits, not one digit repeated nor a run such as 123456) when they set it themself; left
/// out when a leader issues one: the centre then makes an 8-digit PIN and shows it once in the answer.
/// </param>
public sealed record SetFieldPinRequest(string? Pin);

/// <summary>A team member's offline PIN for one laptop, as the centre lists it (never the PIN, except once when issued).</summary>
/// <param name="Pin">Only in the answer that issued it, for the leader to hand over; never stored in clear.</param>
public sealed record FieldPinResponse(Guid DeviceId, string UserId, string UserName, string FullName, DateTimeOffset? SetAt, DateTimeOffset? RevokedAt, string? Pin = null);
