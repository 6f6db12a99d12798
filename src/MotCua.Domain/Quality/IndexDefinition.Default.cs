using MotCua.Domain.Calendar;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Domain.Quality;

public sealed partial record IndexDefinition
{
    public const string DefaultId = "qd766-2022";

    /// <summary>
    /// Index 766 as the national portal shows it for a commune: six groups, 100 points. Publicity 18 (6 on dossiers
    /// synced to the national portal, 12 from systems outside MotCua), processing progress 20, online services 12
    /// (full at ≥ 50% online), online payment 10, satisfaction 18 (3 × 6), digitisation 22 (6 + 4 + 2 + 4 + 2 + 2 + 2).
    /// </summary>
    /// <remarks>
    /// Not published, so set here as configuration to be checked against the portal: the split of the 12 publicity
    /// points outside MotCua (4 for procedures published on time, as summaries of the decision give, and 8 for the
    /// rest), the sub-weights inside online services and online payment (each one indicator for now), and the bands.
    /// No data scores full points, as on the portal.
    /// </remarks>
    public static IndexDefinition Default { get; } = new(
        DefaultId,
        new LocalizedText(
            "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)",
            "Citizen and business service index (Decision 766/QĐ-TTg)",
            "Indeks layanan warga dan bisnis (Keputusan 766/QĐ-TTg)"),
        [
            new IndexGroupDefinition(
                "publicity",
                new LocalizedText("Công khai, minh bạch", "Publicity and transparency", "Publikasi dan transparansi"),
                18,
                [
                    IndicatorDefinition.Ratio(
                        "publicity.dossiersSynced",
                        new LocalizedText("Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", "Dossiers synced to the National Public Service Portal", "Berkas yang disinkronkan ke Portal Layanan Publik Nasional"),
                        6,
                        [K.DossiersSyncedToNationalPortal],
                        [K.DossiersReceived]),
                    IndicatorDefinition.External(
                        "publicity.proceduresPublishedOnTime",
                        new LocalizedText("TTHC được cập nhật, công khai đúng hạn", "Procedures updated and published on time", "Prosedur diperbarui dan dipublikasikan tepat waktu"),
                        4,
                        new LocalizedText(
                            "Do tỉnh công bố, công khai TTHC trên Cơ sở dữ liệu quốc gia; lấy số liệu từ Cổng DVCQG.",
                            "Depends on the province publishing procedures in the national database; read it off the national portal.")),
                    IndicatorDefinition.External(
                        "publicity.otherCriteria",
                        new LocalizedText("Các tiêu chí công khai, minh bạch còn lại", "Remaining publicity and transparency criteria", "Kriteria publikasi dan transparansi lainnya"),
                        8,
                        new LocalizedText(
                            "Cổng DVCQG chấm từ hệ thống của tỉnh; cách chia 8 điểm chưa được công bố, nhập số điểm Cổng hiển thị.",
                            "Scored by the national portal from provincial systems; how these 8 points split is not published, so enter the points the portal shows.")),
                ]),
            new IndexGroupDefinition(
                "progress",
                new LocalizedText("Tiến độ, kết quả giải quyết", "Processing progress", "Kemajuan penyelesaian"),
                20,
                [
                    IndicatorDefinition.Ratio(
                        "progress.earlyOrOnTime",
                        new LocalizedText("Hồ sơ giải quyết trước hạn, đúng hạn", "Dossiers processed early or on time", "Berkas selesai lebih awal atau tepat waktu"),
                        20,
                        [K.DossiersEarly, K.DossiersOnTime],
                        [K.DossiersReceived],
                        new LocalizedText(
                            "(Trước hạn + đúng hạn) ÷ hồ sơ tiếp nhận × 20, tuyến tính.",
                            "(Early + on time) ÷ dossiers received × 20, linear.")),
                ]),
            new IndexGroupDefinition(
                "onlineServices",
                new LocalizedText("Cung cấp dịch vụ trực tuyến", "Online public services", "Layanan publik daring"),
                12,
                [
                    IndicatorDefinition.RatioFullAt(
                        "onlineServices.onlineDossiers",
                        new LocalizedText("Hồ sơ nộp trực tuyến", "Dossiers filed online", "Berkas yang diajukan secara daring"),
                        12,
                        [K.DossiersByChannelOnline],
                        [K.DossiersByChannelCounter, K.DossiersByChannelOnline, K.DossiersByChannelPost],
                        50,
                        new LocalizedText(
                            "Hồ sơ kênh 2 (trực tuyến) ÷ hồ sơ kênh 1, 2, 3; đạt tối đa khi ≥ 50%.",
                            "Channel 2 (online) ÷ channels 1 (counter), 2 and 3 (post); full points at ≥ 50%.")),
                ]),
            new IndexGroupDefinition(
                "onlinePayment",
                new LocalizedText("Thanh toán trực tuyến", "Online payment", "Pembayaran daring"),
                10,
                [
                    IndicatorDefinition.Ratio(
                        "onlinePayment.paidOnline",
                        new LocalizedText("Hồ sơ thanh toán trực tuyến", "Dossiers paid online", "Berkas yang dibayar secara daring"),
                        10,
                        [K.DossiersPaidOnline],
                        [K.DossiersWithFee]),
                ]),
            new IndexGroupDefinition(
                "satisfaction",
                new LocalizedText("Mức độ hài lòng", "Satisfaction", "Tingkat kepuasan"),
                18,
                [
                    IndicatorDefinition.Complement(
                        "satisfaction.processing",
                        new LocalizedText("Hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with dossier processing", "Kepuasan atas pemrosesan berkas"),
                        6,
                        [new RateTerm([K.DossiersOverdue], [K.DossiersReceived]), new RateTerm([K.DossiersWithComplaintOrDislike], [K.DossiersReceived])],
                        90,
                        new LocalizedText(
                            "100% − (tỷ lệ quá hạn + tỷ lệ có phản ánh hoặc không hài lòng); đạt tối đa khi ≥ 90%, dưới đó tỷ lệ × 6 ÷ 90%.",
                            "100% − (overdue rate + rate with a complaint or \"dislike\"); full at ≥ 90%, below it ratio × 6 ÷ 90%.")),
                    IndicatorDefinition.Ratio(
                        "satisfaction.feedbackOnTime",
                        new LocalizedText("Phản ánh, kiến nghị xử lý đúng hạn", "Complaints and feedback handled on time", "Pengaduan ditangani tepat waktu"),
                        6,
                        [K.FeedbackHandledOnTime],
                        [K.FeedbackReceived],
                        new LocalizedText(
                            "PAKN xử lý trước hạn, đúng hạn ÷ PAKN thuộc thẩm quyền.",
                            "Feedback handled early or on time ÷ feedback within the unit's competence.")),
                    IndicatorDefinition.Complement(
                        "satisfaction.feedbackHandling",
                        new LocalizedText("Hài lòng trong xử lý phản ánh, kiến nghị", "Satisfaction with complaint handling", "Kepuasan atas penanganan pengaduan"),
                        6,
                        [new RateTerm([K.FeedbackDissatisfiedOrLate], [K.FeedbackReceived])],
                        null,
                        new LocalizedText(
                            "(PAKN − PAKN bị đánh giá không hài lòng hoặc xử lý quá hạn) ÷ PAKN.",
                            "(Feedback − feedback rated \"not satisfied\" or handled late) ÷ feedback.")),
                ]),
            new IndexGroupDefinition(
                "digitisation",
                new LocalizedText("Số hóa hồ sơ, kết quả", "Digitisation", "Digitalisasi"),
                22,
                [
                    IndicatorDefinition.Ratio(
                        "digitisation.electronicResults",
                        new LocalizedText("Kết quả giải quyết điện tử", "Results issued electronically", "Hasil diterbitkan secara elektronik"),
                        6,
                        [K.DossiersElectronicResult],
                        [K.DossiersCompleted]),
                    IndicatorDefinition.Ratio(
                        "digitisation.digitisedComponents",
                        new LocalizedText("Số hóa thành phần hồ sơ", "Dossier papers digitised", "Dokumen berkas yang didigitalkan"),
                        4,
                        [K.DossierDigitisedComponents],
                        [K.DossierComponents]),
                    IndicatorDefinition.RatioFullAt(
                        "digitisation.dataReuse",
                        new LocalizedText("Khai thác, sử dụng lại dữ liệu số hóa", "Reuse of digitised data", "Penggunaan ulang data digital"),
                        2,
                        [K.DossiersReusingDigitisedData],
                        [K.DossiersReceived],
                        80),
                    IndicatorDefinition.External(
                        "digitisation.personalDataStore",
                        new LocalizedText("Đồng bộ kho quản lý dữ liệu điện tử cá nhân", "Sync to the personal data store", "Sinkronisasi ke penyimpanan data pribadi"),
                        4,
                        new LocalizedText(
                            "Kết quả được đưa vào kho dữ liệu cá nhân trên Cổng DVCQG; Cổng đo.",
                            "Results pushed to citizens' personal data stores on the national portal; the portal measures it.")),
                    IndicatorDefinition.External(
                        "digitisation.populationDataUse",
                        new LocalizedText("Sử dụng dữ liệu dân cư", "Use of population data", "Penggunaan data kependudukan"),
                        2,
                        new LocalizedText(
                            "Khai thác Cơ sở dữ liệu quốc gia về dân cư khi giải quyết; hệ thống của tỉnh đo.",
                            "Look-ups in the national population database while processing; the provincial system measures it.")),
                    IndicatorDefinition.External(
                        "digitisation.populationLinkedProcedures",
                        new LocalizedText("TTHC kết nối dữ liệu dân cư", "Procedures linked to population data", "Prosedur yang terhubung dengan data kependudukan"),
                        2,
                        new LocalizedText(
                            "Tỷ lệ TTHC được tỉnh kết nối với Cơ sở dữ liệu quốc gia về dân cư.",
                            "Share of procedures the province connects to the national population database.")),
                    IndicatorDefinition.External(
                        "digitisation.electronicCertifiedCopies",
                        new LocalizedText("Chứng thực bản sao điện tử", "Electronic certified copies", "Salinan resmi elektronik"),
                        2,
                        new LocalizedText(
                            "Bản sao chứng thực điện tử cấp trên hệ thống chứng thực điện tử quốc gia; hệ thống đó đo.",
                            "Certified copies issued in the national electronic certification system; that system measures it.")),
                ]),
        ],
        [
            new IndexBand("excellent", 90, new LocalizedText("Xuất sắc", "Excellent", "Sangat baik")),
            new IndexBand("good", 80, new LocalizedText("Tốt", "Good", "Baik")),
            new IndexBand("fair", 70, new LocalizedText("Khá", "Fair", "Cukup")),
            new IndexBand("average", 50, new LocalizedText("Trung bình", "Average", "Sedang")),
            new IndexBand("weak", 0, new LocalizedText("Yếu", "Weak", "Lemah")),
        ],
        IndexRounding.Portal);
}
