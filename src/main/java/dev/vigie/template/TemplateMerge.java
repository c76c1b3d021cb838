package dev.vigie.template;

/** Template {@code from} was absorbed by template {@code into}, which now covers its lines. */
public record TemplateMerge(String from, String into) {
}
