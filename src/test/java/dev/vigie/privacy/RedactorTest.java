package dev.vigie.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Secret-shaped values are built at run time, so that no scanner mistakes the repository for a leak. */
class RedactorTest {
    private static final Redactor R = Redactor.standard();
    private static final String B64 = "Zm9vYmFyYmF6cXV4";

    @Test
    void cloudAndVendorTokensBecomeTypedPlaceholders() {
        String awsId = "AKIA" + "IOSFODNN7EXAMPL3";
        String github = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        String gitlab = "glpat-" + "kifoMvvlCa0AITUhBzwj";
        String slack = "xoxb-" + "1805418737-8097318310-t3eoyyXgUtfk5M";
        String stripe = "sk_live_" + "51ExgmTy0Q0cDuBDgHF4ID";
        String google = "AIza" + "A_9gQJsq1OCo8i2EC6Zl_RI1Xwa8VNLR1wF";
        assertThat(R.redact("id=" + awsId + " gh=" + github + " gl=" + gitlab + " slack " + slack + " stripe " + stripe
                + " maps?key=" + google)).isEqualTo("id=<secret:aws-key> gh=<secret:github-token> gl=<secret:gitlab-token>"
                + " slack <secret:slack-token> stripe <secret:stripe-key> maps?key=<secret:google-key>");
        assertThat(R.redact("POST https://hooks.slack.com/services/" + "T0000/B0000/" + B64 + " failed"))
                .isEqualTo("POST <secret:slack-webhook> failed");
    }

    @Test
    void credentialsAreFoundByTheirPlaceInTheLine() {
        String jwt = "eyJ" + "hbGciOiJIUzI1NiJ9" + "." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0" + "." + "dozjgNryP4J3jVmNHl0w5N";
        String pass = "s3cr" + "et-pa55";
        String basic = java.util.Base64.getEncoder().encodeToString(("svc:" + pass).getBytes());
        assertThat(R.redact("Authorization: Bearer " + jwt)).isEqualTo("Authorization: Bearer <secret:jwt>");
        assertThat(R.redact("Authorization: Bearer XV2p0Zzkj4oJL" + "-x_QrgMHaWdT8fE527")).isEqualTo("Authorization: Bearer <secret:token>");
        assertThat(R.redact("Authorization: Basic " + basic)).isEqualTo("Authorization: Basic <secret:basic-auth>");
        assertThat(R.redact("postgres://app:" + pass + "@db:5432/shop redis://:" + pass + "@cache:6379/0"))
                .isEqualTo("postgres://app:<secret:password>@db:5432/shop redis://:<secret:password>@cache:6379/0");
        assertThat(R.redact("user=bob password=" + pass + " pool=20")).isEqualTo("user=bob password=<secret:password> pool=20");
        assertThat(R.redact("{\"password\":\"" + pass + "\",\"plan\":\"pro\"}")).isEqualTo("{\"password\":\"<secret:password>\",\"plan\":\"pro\"}");
        assertThat(R.redact("AWS_SECRET_ACCESS_KEY=" + pass + " STRIPE_WEBHOOK_SECRET: " + pass))
                .isEqualTo("AWS_SECRET_ACCESS_KEY=<secret:key> STRIPE_WEBHOOK_SECRET: <secret:secret>");
        assertThat(R.redact("Cookie: sessionid=" + pass + "; _ga=GA1.1.18")).isEqualTo("Cookie: sessionid=<secret:cookie>; _ga=GA1.1.18");
        assertThat(R.redact("cloudflared tunnel run --token " + "eyJhIjoi" + B64)).isEqualTo("cloudflared tunnel run --token <secret:token>");
        assertThat(R.redact("-----BEGIN RSA PRIVATE KEY-----\\nMIIE" + B64 + "\\n-----END RSA PRIVATE KEY-----\\n"))
                .isEqualTo("<secret:private-key>\\n");
        assertThat(R.redact("key=-----BEGIN OPENSSH PRIVATE KEY----- b3Bl " + B64 + " -----END OPENSSH PRIVATE KEY----- ok"))
                .isEqualTo("key=<secret:private-key> ok");
    }

    @Test
    void personalDataAndCardsThatPassTheirChecks() {
        assertThat(R.redact("sent to jane.marlow" + "@gmail.com")).isEqualTo("sent to <email>");
        assertThat(R.redact("card 4539 2670 0833 9555 charged")).isEqualTo("card <card> charged");
        assertThat(R.redact("pan=3719398501" + "00835&exp=0927")).isEqualTo("pan=<card>&exp=0927");
        assertThat(R.redact("refund to DE89 3704 0044 0532 0130 00 today")).isEqualTo("refund to <iban> today");
        assertThat(R.redact("call +33 6 12 34 56 78 back")).isEqualTo("call <phone> back");
    }

    @Test
    void valuesThatOnlyLookLikeSecretsPassUnchanged() {
        for (String line : new String[] {
            "GET /api/orders?cursor=eyJhZnRlcl9pZCI6NzcxMjAzfQ&limit=50 200",
            "request_id=cf90dd59-748e-4199-9042-1624693d4ede trace_id=1bb68759758fbef32aa56fe65be8cb5a",
            "dd.trace_id=6062133878747564835 dd.span_id=6615197563775072612",
            "card 4539 2670 0833 9556 is not a card: the Luhn check fails",
            "commit=efcc577838c0067edaf49029933365f6914aa90e image=app@sha256:546b922fb4ab800dc461391f5460311d6db2e84d",
            "password reset requested reset_token_ttl=3600s password_age_days=412",
            "Invalid API Key provided: sk_live_******************sMut",
            "customer=cus_Q6u1H8I0tjNFJI card_last4=4242 amount=8490",
            "Accepted publickey for deploy: ED25519 SHA256:x3YITUcnxOTC3B0OzZoDkgf80zNiazxYD8Iy4k2zgrW",
            "basic authentication failed for bearer authentication scheme",
            "[14/Mar/2025:10:44:02 +0000] token bucket refilled: 40 tokens",
            "{\"credentials\":{\"user\":\"bob\"}}",
            "<secret:password> already redacted",
            "IBAN DE89 3704 0044 0532 0130 01 fails its check"}) {
            assertThat(R.redact(line)).as(line).isEqualTo(line);
        }
    }

    @Test
    void configuredPatternsAddKindsAndEveryReplacementIsCounted() {
        Redactor r = Redactor.with(Map.of("employee-id", "EMP-[0-9]{6}"));
        Map<String, Integer> counts = new TreeMap<>();
        assertThat(r.redact("EMP-123456 asked, mail bob" + "@example.org, EMP-654321", counts))
                .isEqualTo("<secret:employee-id> asked, mail <email>, <secret:employee-id>");
        assertThat(counts).containsExactly(Map.entry("email", 1), Map.entry("employee-id", 2));
        assertThatThrownBy(() -> Redactor.with(Map.of("broken", "EMP-[0-9"))).hasMessageContaining("'broken'");
    }

    @Test
    void aHugeHostileLineIsRedactedWithoutBacktrackingForever() {
        String hostile = "password".repeat(20_000) + "=" + "a=b:".repeat(50_000) + "9 ".repeat(50_000) + "x".repeat(200_000);
        // a safety net against catastrophic backtracking, not a speed measure
        String out = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> R.redact(hostile));
        assertThat(out).hasSizeLessThanOrEqualTo(hostile.length());
    }
}
