using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>The field kit's calls to the centre (the <c>/api/field</c> routes), with the device credential.</summary>
public sealed class FieldServerClient(HttpClient http)
{
    public const string Name = "field-server";

    public Task<EnrolResponse> EnrolAsync(string code, string name, CancellationToken ct) =>
        SendAsync<EnrolResponse>(HttpMethod.Post, "api/field/enrol", null, JsonContent.Create(new EnrolRequest(code, name), options: Json.Options), ct);

    public Task<FieldKitResponse> KitAsync(FieldNodeState state, IReadOnlyList<DateOnly> days, int? size, CancellationToken ct)
    {
        var query = new List<string>();
        if (days.Count > 0)
        {
            query.Add("days=" + string.Join(",", days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (size is { } s)
        {
            query.Add("size=" + s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return SendAsync<FieldKitResponse>(HttpMethod.Get, "api/field/kit" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty), state, null, ct);
    }

    public Task<FieldStatusResponse> StatusAsync(FieldNodeState state, FieldStatusRequest request, CancellationToken ct) =>
        SendAsync<FieldStatusResponse>(HttpMethod.Post, "api/field/status", state, JsonContent.Create(request, options: Json.Options), ct);

    public Task<FieldSyncResponse> SyncAsync(FieldNodeState state, FieldSyncRequest request, CancellationToken ct) =>
        SendAsync<FieldSyncResponse>(HttpMethod.Post, "api/field/sync", state, JsonContent.Create(request, options: Json.Options), ct);

    public Task<FieldUploadResponse> UploadAsync(FieldNodeState state, Guid id, ReadOnlyMemory<byte> chunk, long from, long total, string digest, CancellationToken ct)
    {
        var content = new ReadOnlyMemoryContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, from + chunk.Length - 1, total);
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/field/attachments/{id}") { Content = content };
        request.Headers.Add("Repr-Digest", digest);
        return SendAsync<FieldUploadResponse>(request, state, ct);
    }

    private Task<T> SendAsync<T>(HttpMethod method, string path, FieldNodeState? state, HttpContent? content, CancellationToken ct) =>
        SendAsync<T>(new HttpRequestMessage(method, path) { Content = content }, state, ct);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, FieldNodeState? state, CancellationToken ct)
    {
        using (request)
        {
            if (state is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", DeviceCredentials.HeaderValue(state.DeviceId, state.DeviceSecret));
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException ex)
            {
                throw new FieldServerException($"The centre cannot be reached: {ex.Message}", inner: ex);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new FieldServerException("The centre did not answer in time.", inner: ex);
            }

            using (response)
            {
                try
                {
                    if (response.IsSuccessStatusCode)
                    {
                        return await response.Content.ReadFromJsonAsync<T>(Json.Options, ct) ?? throw new FieldServerException("The centre sent an empty answer.", (int)response.StatusCode);
                    }

                    var body = await response.Content.ReadAsStringAsync(ct);
                    string? code = null, detail = null;
                    long? received = null;
                    try
                    {
                        var json = JsonDocument.Parse(body).RootElement;
                        code = json.TryGetProperty("code", out var c) ? c.GetString() : null;
                        detail = json.TryGetProperty("detail", out var d) ? d.GetString() : json.TryGetProperty("title", out var t) ? t.GetString() : null;
                        received = json.TryGetProperty("received", out var r) && r.TryGetInt64(out var n) ? n : null;
                        if (json.TryGetProperty("errors", out var errors))
                        {
                            detail = $"{detail} {errors}";
                        }
                    }
                    catch (JsonException)
                    {
                        // Not problem details (a proxy, a crash): the status says enough.
                    }

                    var message = response.StatusCode == HttpStatusCode.Unauthorized
                        ? "The centre does not accept this laptop's credential (revoked, or enrolled elsewhere). Enrol it again."
                        : detail ?? $"The centre answered {(int)response.StatusCode}.";
                    throw new FieldServerException(message, (int)response.StatusCode, code, received);
                }
                catch (HttpRequestException ex)
                {
                    throw new FieldServerException($"The connection to the centre broke: {ex.Message}", inner: ex);
                }
                catch (IOException ex)
                {
                    throw new FieldServerException($"The connection to the centre broke: {ex.Message}", inner: ex);
                }
                catch (JsonException ex)
                {
                    throw new FieldServerException($"The centre's answer was cut off: {ex.Message}", inner: ex);
                }
            }
        }
    }
}
