package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The open-file limit never takes more than half the descriptors the process has left. */
class OpenFilesTest {
    private static UnixOperatingSystemMXBean os(long max, long open) {
        return (UnixOperatingSystemMXBean) Proxy.newProxyInstance(OpenFilesTest.class.getClassLoader(),
                new Class<?>[] {UnixOperatingSystemMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMaxFileDescriptorCount" -> max;
                    case "getOpenFileDescriptorCount" -> open;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theSettingIsCappedByWhatTheProcessMayStillOpen() {
        assertThat(OpenFiles.within(256, os(1024, 200))).isEqualTo(256);
        assertThat(OpenFiles.within(100_000, os(1024, 200))).isEqualTo(412);
        assertThat(OpenFiles.within(256, os(64, 63))).as("at least one").isEqualTo(1);
        assertThat(OpenFiles.within(256, ManagementFactory.getOperatingSystemMXBean())).isBetween(1, 256);
    }
}
