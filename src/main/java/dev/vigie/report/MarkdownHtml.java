package dev.vigie.report;

/**
 * The subset of Markdown the reports use, as HTML for a mail reader: headings, lists, tables, code
 * blocks, inline code, bold and paragraphs. Everything else is text, escaped.
 */
final class MarkdownHtml {
    private MarkdownHtml() {
    }

    static String render(String markdown) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">\n");
        String open = null; // the block in progress: ul, ol, table, pre, p
        for (String line : markdown.split("\n", -1)) {
            if ("pre".equals(open)) {
                if (line.startsWith("```")) {
                    out.append("</pre>\n");
                    open = null;
                } else {
                    out.append(escape(line)).append('\n');
                }
                continue;
            }
            String block = line.startsWith("```") ? "pre" : line.matches("\\s*[-*] .*") ? "ul"
                    : line.matches("\\s*\\d+\\. .*") ? "ol" : line.startsWith("|") ? "table"
                    : line.startsWith("#") || line.isBlank() || line.equals("---") ? null : "p";
            if (open != null && !open.equals(block)) {
                out.append("</").append(open).append(">\n");
                open = null;
            }
            if (line.startsWith("```")) {
                out.append("<pre>");
                open = "pre";
            } else if (line.startsWith("#")) {
                int level = Math.min(6, line.indexOf(' ') > 0 ? line.indexOf(' ') : 1);
                out.append("<h").append(level).append('>').append(inline(line.substring(level).strip()))
                        .append("</h").append(level).append(">\n");
            } else if (line.equals("---")) {
                out.append("<hr>\n");
            } else if (block != null) {
                if (open == null) {
                    out.append('<').append(block).append(block.equals("table") ? " border=\"1\" cellpadding=\"4\">" : ">");
                    open = block;
                }
                switch (block) {
                    case "ul" -> out.append("<li>").append(inline(line.strip().substring(2))).append("</li>");
                    case "ol" -> out.append("<li>").append(inline(line.strip().replaceFirst("^\\d+\\. ", ""))).append("</li>");
                    case "table" -> {
                        if (!line.matches("[|\\s:-]+")) {
                            out.append("<tr>");
                            for (String cell : line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1)) {
                                out.append("<td>").append(inline(cell.strip())).append("</td>");
                            }
                            out.append("</tr>");
                        }
                    }
                    default -> out.append(inline(line)).append(' ');
                }
                out.append('\n');
            }
        }
        if (open != null) {
            out.append("</").append(open).append(">\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String inline(String text) {
        return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>").replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>")
                .replaceAll("(?<![\\w*])_([^_]+)_(?![\\w])", "<i>$1</i>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
