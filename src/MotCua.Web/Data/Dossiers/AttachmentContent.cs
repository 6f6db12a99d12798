using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.Dossiers;

/// <summary>
/// The bytes of an attachment, under the attachment's id. There is deliberately no foreign key to <see cref="Attachment"/>:
/// a field kit uploads the bytes first (in chunks, verified) and the attachment row follows when its dossier syncs, so
/// the bytes are written once (<c>docs/decisions/0006-field-sync.md</c>).
/// </summary>
[NotAudited]
public sealed class AttachmentContent
{
    public Guid Id { get; set; }

    public byte[] Bytes { get; set; } = [];
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.HasKey(c => c.Id);
    }
}
