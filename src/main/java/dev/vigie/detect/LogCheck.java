package dev.vigie.detect;

import dev.vigie.event.LogEvent;
import java.time.Instant;

/** A check over log events. It sees events of one service in event-time order. */
interface LogCheck {
    void onEvent(LogEvent event, AnomalySink sink);

    /** Event time has reached {@code watermark}: close what ended before it. */
    void advance(Instant watermark, AnomalySink sink);

    /** End of input: close everything. */
    void flush(AnomalySink sink);
}
