package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secret-shaped values are built at run time so that no scanner mistakes the repository for a leak. */
class RedactorTest {
    @Test
    void secretsBecomeTypedPlaceholders() {
        String awsKey = "AKIA" + "IOSFODNN7EXAMPLE";
        String jwt = "eyJ" + "hbGciOiJIUzI1NiJ9" + "." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0" + "." + "dozjgNryP4J3jVmNHl0w5N";
        String pass = "s3cr" + "et-pa55";
        assertThat(Redactor.redact("key=" + awsKey + " auth=Bearer " + jwt))
                .isEqualTo("key=<secret:aws-key> auth=Bearer <secret:jwt>");
        assertThat(Redactor.redact("postgres://app:" + pass + "@db:5432/shop")).isEqualTo("postgres://app:<secret:password>@db:5432/shop");
        assertThat(Redactor.redact("login ok password=" + pass + " user=bob")).isEqualTo("login ok password=<secret:password> user=bob");
        assertThat(Redactor.redact("{\"token\":\"" + pass + "\"}")).isEqualTo("{\"token\":\"<secret:token>\"}");
        assertThat(Redactor.redact("mail from jane.doe@example.org")).isEqualTo("mail from <email>");
    }

    @Test
    void linesWithoutSecretsAreUnchanged() {
        for (String line : new String[] {"GET /api/orders/1234 200 in 12 ms", "HikariPool-1 - Connection is not available",
            "password reset requested", "token bucket refilled: 40 tokens", "<secret:password> already redacted"}) {
            assertThat(Redactor.redact(line)).isEqualTo(line);
        }
    }
}
