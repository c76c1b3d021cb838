package dev.vigie.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets in shapes the examples do not list, found by kind: encoded (percent-encoding, JSON
 * escapes, base64), inside structures (connection strings, DSNs, headers, cookies), or by their
 * randomness under a credential's name. Each line's secret must go; each clean twin stays byte-identical.
 */
class RedactionByKindTest {
    private static final Redactor R = Redactor.standard();
    private static final String PASS = "Tr0ub4dor" + "-and-3";
    private static final String TOKEN = "q8Zr2Lx" + "Vn41PbTs9KdW7yHf";

    /** kind → lines, each holding {@link #PASS} or {@link #TOKEN}. */
    private static final Map<String, List<String>> SECRET_LINES = new LinkedHashMap<>();

    static {
        SECRET_LINES.put("percent-encoded", List.of(
                "POST /login body=username%3Dbob%26password%3D" + PASS + "%26remember%3D1",
                "GET /cb?state=xyz&payload=%7B%22api_key%22%3A%22" + TOKEN + "%22%7D 302"));
        SECRET_LINES.put("json-escaped", List.of(
                "{\"level\":\"info\",\"msg\":\"config loaded\",\"raw\":\"{\\\"db_password\\\":\\\"" + PASS + "\\\",\\\"pool\\\":10}\"}"));
        SECRET_LINES.put("base64", List.of(
                "env CONFIG=" + Base64.getEncoder().encodeToString(("{\"password\":\"" + PASS + "\"}").getBytes(StandardCharsets.UTF_8)),
                "x-forwarded-creds: " + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("client_secret=" + TOKEN).getBytes(StandardCharsets.UTF_8))));
        SECRET_LINES.put("connection-string", List.of(
                "Server=tcp:sql-1,1433;Database=shop;User ID=app;Password=" + PASS + " with spaces;Encrypt=True;",
                "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd=" + PASS + ";"));
        SECRET_LINES.put("dsn", List.of(
                "connecting to mongodb+srv://app:" + PASS + "@cluster0.x1y2z.mongodb.net/shop?retryWrites=true",
                "redis://:" + PASS + "@cache-1:6379/0 connected",
                "amqp://guest:" + PASS + "@rabbit:5672/%2F opened"));
        SECRET_LINES.put("header", List.of(
                "Authorization: Token " + TOKEN,
                "authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260314/us-east-1/s3/aws4_request, Signature=" + TOKEN + "9c1a",
                "Proxy-Authorization: " + TOKEN));
        SECRET_LINES.put("cookie", List.of(
                "Cookie: theme=dark; auth_session=" + TOKEN + "; lang=fr",
                "Set-Cookie: __Host-sessid=" + TOKEN + "; Path=/; Secure; HttpOnly"));
        SECRET_LINES.put("high-entropy", List.of(
                "GET /files/report.pdf?X-Amz-Signature=" + TOKEN + "e5f6&X-Amz-Expires=300 200",
                "webhook verified sig=" + TOKEN + " ts=1710403200",
                "{\"otp_seed\":\"" + TOKEN + "\"}"));
    }

    private static final List<String> CLEAN_TWINS = List.of(
            "POST /login body=username%3Dbob%26remember%3D1",
            "GET /search?q=caf%C3%A9%20cr%C3%A8me&page=2 200",
            "{\"level\":\"info\",\"msg\":\"config loaded\",\"raw\":\"{\\\"pool\\\":10,\\\"timeout_ms\\\":3000}\"}",
            "env CONFIG=" + Base64.getEncoder().encodeToString("{\"pool\":10,\"region\":\"eu-west-1\"}".getBytes(StandardCharsets.UTF_8)),
            "Server=tcp:sql-1,1433;Database=shop;User ID=app;Encrypt=True;",
            "connecting to mongodb+srv://cluster0.x1y2z.mongodb.net/shop?retryWrites=true",
            "authorization failed for user bob: missing scope orders:write",
            "Cookie: theme=dark; lang=fr",
            "GET /files/report.pdf?X-Amz-Expires=300 200",
            "author=bob session_count=12 signature_valid=true auth_method=oidc",
            "sig=sha256 session=anonymous cookie_consent=accepted");

    @Test
    void everySecretOfEveryKindIsRemoved() {
        SECRET_LINES.forEach((kind, lines) -> {
            for (String line : lines) {
                assertThat(R.redact(line)).as(kind + ": " + line).doesNotContain(PASS).doesNotContain(TOKEN)
                        .doesNotContain(PASS.substring(0, 8));
            }
        });
    }

    @Test
    void theirCleanTwinsAreLeftByteForByte() {
        for (String line : CLEAN_TWINS) {
            assertThat(R.redact(line)).as(line).isEqualTo(line);
        }
    }
}
