package dev.vigie.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of a {@link FactsReport}: stable key order, ISO times, indented. */
public final class FactsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private FactsJson() {
    }

    public static String write(FactsReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a facts report is plain data and always serialises", e);
        }
    }

    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    /** The same, on one line: what goes into a prompt, where every character is context the model pays for. */
    public static String writeCompact(FactsReport report) {
        try {
            return COMPACT.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a facts report is plain data and always serialises", e);
        }
    }

    /** Roughly how many tokens a model reads for the report: its compact JSON's characters / 4. */
    public static int estimatedTokens(FactsReport report) {
        return (writeCompact(report).length() + 3) / 4;
    }

    /** A part of a facts report (a metric, a list of lines…) in the same form. */
    public static String writePart(Object part) {
        try {
            return MAPPER.writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a part of a facts report is plain data and always serialises", e);
        }
    }

    public static FactsReport read(String json) {
        try {
            return MAPPER.readValue(json, FactsReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a facts report: " + e.getOriginalMessage(), e);
        }
    }
}
