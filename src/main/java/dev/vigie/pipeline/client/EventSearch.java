package dev.vigie.pipeline.client;

import dev.vigie.event.StoredEvent;
import java.util.List;

/** @param notSearchable events stored but not yet in the full-text index */
public record EventSearch(List<StoredEvent> events, long notSearchable) {
}
