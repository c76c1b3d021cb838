package dev.vigie.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    static String masked(String message) {
        return String.join(" ", Masker.tokens(message));
    }

    @Test
    void variablePartsAreMaskedAndLinesGroupByWhatIsLeft() {
        TemplateMiner miner = new TemplateMiner();
        Template a = miner.mine("GET /api/orders/1234 200 in 12 ms", T0);
        Template b = miner.mine("GET /api/orders/98 200 in 7 ms", T0.plusSeconds(5));
        Template c = miner.mine("POST /api/checkout 200 in 12 ms", T0); // POST is a word: another template
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(c.id()).isNotEqualTo(a.id());
        assertThat(b.text()).isEqualTo("GET <*> <*> in <*>");
        assertThat(b.count()).isEqualTo(2);
        assertThat(b.firstSeen()).isEqualTo(T0);
        assertThat(b.lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(b.example()).isEqualTo("GET /api/orders/1234 200 in 12 ms");
        assertThat(miner.size()).isEqualTo(2);
    }

    @Test
    void masksTheUsualVariables() {
        assertThat(masked("conn 6f1c0d2e-8a3b-4c5d-9e7f-0a1b2c3d4e5f from 10.0.0.5:5432 trace deadbeef01 at 0x7ffe"))
                .isEqualTo("conn <*> from <*> trace <*> at <*>");
        assertThat(masked("GET https://api.example.com/v1/items?id=3 by ops@example.com took 250ms"))
                .isEqualTo("GET <*> by <*> took <*>");
        assertThat(masked("Served block blk_-7724713468912166542 to /10.251.203.80 from db-7.prod.example.com:5432"))
                .isEqualTo("Served block <*> to <*> from <*>");
        assertThat(masked("uid=0 euid=500 (pid=4242) user=root ok=true #3 node-12 v2.6.5-1.358"))
                .isEqualTo("uid=<*> euid=<*> (pid=<*>) user=root ok=<*> #<*> node-<*> <*>");
        assertThat(masked("stored 17.2 KB, free 412.3 MB at Sun Jul 17 07:07:00 2005 in /var/log/app.log."))
                .isEqualTo("stored <*>, free <*> at <*> in <*>");
        assertThat(masked("agent \"Mozilla/5.0 (X11; Linux x86_64) Safari/537.36\" error=\"dial tcp: connection refused\", service 'sparkDriver'"))
                .as("quoted free text is one value; a quoted name stays")
                .isEqualTo("agent \"<*>\" error=\"<*>\", service 'sparkDriver'");
        assertThat(masked("host node-7.prod.example.com class com.example.Foo file app.log"))
                .as("a host ends with a known top-level domain; a Java package starts with one")
                .isEqualTo("host <*> class com.example.Foo file app.log");
        assertThat(masked("mode 80x25 ssh2 L3 jk2_init() attempt_1445144423722_0020_m_000003_0"))
                .isEqualTo("mode <*> ssh2 L3 jk2_init() <*>");
    }

    /** One event, one template, however many tokens its values take. */
    @Test
    void aQuantityIsOneValueWithItsUnitItsBoundAndItsCopyInOtherUnits() {
        TemplateMiner miner = new TemplateMiner();
        Template small = miner.mine("transfer closed, 512 bytes sent, 0 bytes received, lifetime <1 sec", T0);
        Template big = miner.mine("transfer closed, 20480 bytes (20.0 KB) sent, 1671 bytes (1.63 KB) received, lifetime 00:02:11", T0);
        Template slow = miner.mine("transfer closed, 7 bytes sent, 9 bytes (9 B) received, lifetime 3 min", T0);
        assertThat(big.id()).isEqualTo(small.id());
        assertThat(slow.id()).isEqualTo(small.id());
        assertThat(slow.text()).isEqualTo("transfer closed, <*> bytes sent, <*> bytes received, lifetime <*>");
        assertThat(masked("request served in 160 ms, queue 1.2 s; heap 512 MiB")).isEqualTo("request served in <*>, queue <*>; heap <*>");
        assertThat(masked("took 1523 ms (1.5 s) on node 12 (rack b)"))
                .as("a copy in other units folds into the value; a bracket with a word stays")
                .isEqualTo("took <*> on node <*> (rack b)");
        assertThat(masked("slept 5 seconds, limit <=10")).as("a unit spelled as a word stays a word").isEqualTo("slept <*> seconds, limit <*>");
        assertThat(masked("up 3 hrs, idle 5 mins; wait 2 us, 40 \u00b5s, 9 ns; sent 7 B of 2 KiB in 1 h"))
                .isEqualTo("up <*>, idle <*>; wait <*>, <*>, <*>; sent <*> of <*> in <*>");
        assertThat(masked("got 3 Bs and 4 hits in 2 mi")).as("not units").isEqualTo("got <*> Bs and <*> hits in <*> mi");
    }

    @Test
    void aBracketedListOfValuesIsOneValueAListOfWordsIsNot() {
        TemplateMiner miner = new TemplateMiner();
        Template three = miner.mine("replicating blk_1 to [10.0.0.1:50010, 10.0.0.2:50010, 10.0.0.3:50010]", T0);
        Template one = miner.mine("replicating blk_2 to [10.0.0.4:50010]", T0);
        assertThat(one.id()).isEqualTo(three.id());
        assertThat(one.text()).isEqualTo("replicating <*> to [<*>]");
        assertThat(masked("queues [high, low] ready")).isEqualTo("queues [high, low] ready");
    }

    @Test
    void aQuotedRequestKeepsItsMethod() {
        TemplateMiner miner = new TemplateMiner();
        Template list = miner.mine("10.1.2.3 \"GET /v2/tenants/42/servers/detail HTTP/1.1\" status: 200 len: 1893", T0);
        Template other = miner.mine("10.1.2.9 \"GET /v2/tenants/42/flavors?limit=5 HTTP/1.1\" status: 200 len: 77", T0);
        Template create = miner.mine("10.1.2.3 \"POST /v2/tenants/42/servers HTTP/1.1\" status: 202 len: 733", T0);
        assertThat(other.id()).isEqualTo(list.id());
        assertThat(create.id()).isNotEqualTo(list.id());
        assertThat(create.text()).isEqualTo("<*> \"POST <*>\" status: <*> len: <*>");
        assertThat(masked("said \"GET lost in the mail\" twice")).as("any quoted text that starts with a method: a request line or not, it is one")
                .isEqualTo("said \"GET <*>\" twice");
    }

    @Test
    void aPartlyVariableTokenTakesAnyValueEvenAnEmptyOne() {
        TemplateMiner miner = new TemplateMiner();
        Template general = miner.mine("connection from 10.0.0.1 (a.example.net) at 09:00", T0);
        assertThat(general.text()).isEqualTo("connection from <*> (<*>) at <*>");
        assertThat(miner.mine("connection from 10.0.0.3 () at 09:01", T0).id()).isEqualTo(general.id());
        assertThat(miner.mine("connection from 10.0.0.3 () at 09:01", T0).text()).as("not generalised again")
                .isEqualTo(general.text());
    }

    @Test
    void wordsAreConstantsSoNearTwinsStayApart() {
        TemplateMiner miner = new TemplateMiner();
        Template up = miner.mine("cupsd startup succeeded", T0);
        Template down = miner.mine("cupsd shutdown succeeded", T0);
        Template running = miner.mine("task 1 Transitioned from SCHEDULED to RUNNING", T0);
        Template done = miner.mine("task 2 Transitioned from RUNNING to SUCCEEDED", T0);
        assertThat(up.id()).isNotEqualTo(down.id());
        assertThat(running.id()).isNotEqualTo(done.id());
        assertThat(miner.size()).isEqualTo(4);
    }

    @Test
    void aWordPositionBecomesAValueAfterFourVariantsAndTheTwinsMerge() {
        TemplateMiner miner = new TemplateMiner();
        Template alice = miner.mine("session opened for user alice by (uid=0)", T0);
        Template bob = miner.mine("session opened for user bob by (uid=0)", T0.plusSeconds(1));
        Template carol = miner.mine("session opened for user carol by (uid=0)", T0.plusSeconds(2));
        assertThat(bob.id()).isNotEqualTo(alice.id());
        assertThat(carol.id()).isNotEqualTo(alice.id()).isNotEqualTo(bob.id());
        Template dave = miner.mine("session opened for user dave by (uid=0)", T0.plusSeconds(3));
        assertThat(dave.id()).as("the oldest template takes the others over").isEqualTo(alice.id());
        assertThat(dave.text()).isEqualTo("session opened for user <*> by (uid=<*>)");
        assertThat(dave.count()).isEqualTo(4);
        assertThat(miner.size()).isEqualTo(1);
        assertThat(miner.takeMerges()).containsExactly(new TemplateMerge(bob.id(), alice.id()), new TemplateMerge(carol.id(), alice.id()));
        assertThat(miner.takeMerges()).isEmpty();
        assertThat(miner.mine("session opened for user erin by (uid=0)", T0).id()).isEqualTo(alice.id());
    }

    @Test
    void linesThatAreMostlyParametersDoNotMakeNewTemplates() {
        TemplateMiner miner = new TemplateMiner();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            miner.mine(String.format("job %s done on %s in %d ms", id(random), id(random), random.nextInt(1000)), T0);
            miner.mine(String.format("%d %x %d.%d.%d.%d", random.nextInt(), random.nextLong(), random.nextInt(256), random.nextInt(256),
                    random.nextInt(256), random.nextInt(256)), T0);
        }
        assertThat(miner.templates()).extracting(Template::text)
                .containsExactlyInAnyOrder("job <*> done on <*> in <*>", "<*> <*> <*>");
        assertThat(miner.clusters()).as("memory follows templates, not lines").isLessThanOrEqualTo(4);
    }

    /** Mixed letters and digits, not hex: what a mask cannot tell from a word. */
    static String id(Random random) {
        String letters = "ghjkmnpqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(i % 3 == 2 ? (char) ('0' + random.nextInt(10)) : letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    @Test
    void idsAreTheSameInEveryRunAndSurviveARestart() {
        Template first = new TemplateMiner().mine("user 42 logged in", T0);
        TemplateMiner restarted = new TemplateMiner();
        restarted.restore(List.of(first));
        Template again = restarted.mine("user 7 logged in", T0.plusSeconds(1));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.count()).isEqualTo(2);
        assertThat(new TemplateMiner().mine("user 99 logged in", T0).id()).isEqualTo(first.id());
    }

    @Test
    void aGeneralisedTemplateKeepsItsIdAfterARestart() {
        TemplateMiner miner = new TemplateMiner();
        miner.mine("worker alpha started", T0);
        miner.mine("worker beta started", T0);
        miner.mine("worker gamma started", T0);
        Template general = miner.mine("worker delta started", T0);
        assertThat(general.text()).isEqualTo("worker <*> started");
        TemplateMiner restarted = new TemplateMiner();
        restarted.restore(miner.templates());
        assertThat(restarted.mine("worker epsilon started", T0).id()).isEqualTo(general.id());
        assertThat(restarted.size()).isEqualTo(1);
    }

    @Test
    void templatesMinedUnderEarlierRulesAreRemappedNotMadeNew() {
        Instant t1 = T0.plusSeconds(60);
        // as an earlier version stored them: the copy in brackets made a template of its own
        Template withCopy = new Template("t-old-copy", "transfer closed, <*> bytes (<*> KB) sent", 5, T0, t1,
                "transfer closed, 20480 bytes (20.0 KB) sent");
        Template plain = new Template("t-old-plain", "transfer closed, <*> bytes sent", 3, T0.minusSeconds(60), T0,
                "transfer closed, 512 bytes sent");
        Template untouched = new Template("t-user", "user <*> logged in", 2, T0, T0, "user 42 logged in");
        TemplateMiner miner = new TemplateMiner();
        miner.restore(List.of(withCopy, plain, untouched));
        assertThat(miner.takeMerges()).containsExactly(new TemplateMerge("t-old-plain", "t-old-copy"));
        Template next = miner.mine("transfer closed, 99 bytes (0.1 KB) sent", t1.plusSeconds(1));
        assertThat(next.id()).isEqualTo("t-old-copy");
        assertThat(next.text()).isEqualTo("transfer closed, <*> bytes sent");
        assertThat(next.count()).isEqualTo(9);
        assertThat(next.firstSeen()).isEqualTo(T0.minusSeconds(60));
        assertThat(miner.mine("user 7 logged in", t1).id()).isEqualTo("t-user");
        assertThat(miner.size()).isEqualTo(2);
    }

    @Test
    void aBatchReadIntoTokensOnAnotherThreadMinesAsTheLinesThemselves() throws Exception {
        Random random = new Random(3);
        String[] lines = new String[5_000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = switch (random.nextInt(5)) {
                case 0 -> "user " + id(random) + " logged in from 10.0.0." + random.nextInt(255) + " after " + random.nextInt(900) + " ms";
                case 1 -> "transfer closed, " + random.nextInt(9_000) + " bytes (" + random.nextInt(9) + "." + random.nextInt(9) + " KB) sent";
                case 2 -> "replicating blk_" + random.nextInt(99_999) + " to [10.0.0.1:50010, 10.0.0." + random.nextInt(9) + ":50010]";
                case 3 -> "\"GET /v2/items/" + random.nextInt(500) + " HTTP/1.1\" status: 200 len: " + random.nextInt(5_000);
                default -> "worker " + List.of("alpha", "beta", "gamma", "delta", "epsilon").get(random.nextInt(5)) + " started";
            };
        }
        TemplateMiner direct = new TemplateMiner();
        TemplateMiner raw = new TemplateMiner();
        TemplateMiner read = new TemplateMiner();
        TokenBatch.Reader reader = new TokenBatch.Reader();
        for (int from = 0; from < lines.length; from += 1_000) {
            String[] chunk = java.util.Arrays.copyOfRange(lines, from, from + 1_000);
            TokenBatch untouched = new TokenBatch(chunk, chunk.length);
            TokenBatch tokenized = new TokenBatch(chunk, chunk.length);
            Thread other = new Thread(() -> reader.read(tokenized));
            other.start();
            other.join();
            for (int i = 0; i < chunk.length; i++) {
                int expected = direct.assign(chunk[i]);
                assertThat(raw.assign(untouched, i)).isEqualTo(expected);
                assertThat(read.assign(tokenized, i)).as(chunk[i]).isEqualTo(expected);
            }
        }
        assertThat(read.templates()).isEqualTo(direct.templates());
        assertThat(raw.templates()).isEqualTo(direct.templates());
    }
}
