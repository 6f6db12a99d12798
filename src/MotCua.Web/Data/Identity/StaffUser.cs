using Microsoft.AspNetCore.Identity;

namespace MotCua.Web.Data.Identity;

/// <summary>A staff account: an officer of one commune, or a province or system role.</summary>
public sealed class StaffUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>The commune or ward the officer works for; null for administrators and province viewers.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>For province viewers: the province whose communes they may read.</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>The interface language the user chose: vi, en or id.</summary>
    public string Culture { get; set; } = "vi";
}
