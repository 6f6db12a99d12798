using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

[NotAudited]
public sealed class FieldUploadChunk
{
    public Guid UploadId { get; set; }

    public long Offset { get; set; }

    public byte[] Bytes { get; set; } = [];
}

internal sealed class FieldUploadChunkConfiguration : IEntityTypeConfiguration<FieldUploadChunk>
{
    public void Configure(EntityTypeBuilder<FieldUploadChunk> b)
    {
        b.HasKey(x => new { x.UploadId, x.Offset });
        b.HasOne<FieldUpload>().WithMany().HasForeignKey(x => x.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
