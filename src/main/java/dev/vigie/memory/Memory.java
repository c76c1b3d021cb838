package dev.vigie.memory;

import dev.vigie.event.SimilarIncident;
import dev.vigie.privacy.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Vigie remembers: every incident and template, embedded and searchable by meaning and by
 * words. SQLite is the truth; the vector store follows it through the outbox, so a store that was
 * down, deleted, corrupt or built with another embedding model is caught up or rebuilt from
 * SQLite, losing nothing ({@link #catchUp()}, {@link #rebuild()}).
 */
public final class Memory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Memory.class);
    static final String MODEL = "model";
    static final String LEARNED = "learned";
    private static final int CHUNK = 64;
    static final int GIST_WORDS = 40;

    private final MemorySource store;
    private final VectorStore vectors;
    private final Embedder embedder;
    private final MemoryDocuments documents;

    public Memory(MemorySource store, VectorStore vectors, Embedder embedder, Redactor redactor) {
        this.store = store;
        this.vectors = vectors;
        this.embedder = embedder;
        this.documents = new MemoryDocuments(store, redactor);
    }

    /**
     * The embedded memory in {@code directory}: an index that cannot be opened (corrupt, or written
     * by another Lucene) is deleted, and rebuilt from SQLite at the next {@link #catchUp()}.
     */
    public static Memory lucene(Path directory, MemorySource store, Embedder embedder, Redactor redactor) throws IOException {
        Files.createDirectories(directory);
        LuceneVectorStore vectors;
        try {
            vectors = new LuceneVectorStore(directory);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the memory index at {} cannot be opened ({}): it is rebuilt from the database", directory, e.toString());
            deleteTree(directory);
            Files.createDirectories(directory);
            vectors = new LuceneVectorStore(directory);
        }
        return new Memory(store, vectors, embedder, redactor);
    }

    /**
     * Learns what changed since last time: every change in the outbox, or everything again when the
     * store is new, was deleted, or was built with another model.
     *
     * @return how many incidents and templates were learned
     */
    public synchronized int catchUp() {
        if (!embedder.model().equals(vectors.state().get(MODEL))) {
            return rebuild();
        }
        int learned = 0;
        for (List<MemoryChange> changes = store.memoryChanges(CHUNK); !changes.isEmpty(); changes = store.memoryChanges(CHUNK)) {
            List<MemoryRecord> records = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            for (MemoryChange c : changes) {
                MemoryRecord.Kind kind = c.kind() == MemoryChange.Kind.INCIDENT ? MemoryRecord.Kind.INCIDENT : MemoryRecord.Kind.TEMPLATE;
                Optional<MemoryRecord> r = kind == MemoryRecord.Kind.INCIDENT ? documents.incident(c.ref()) : documents.template(c.ref());
                r.ifPresentOrElse(records::add, () -> gone.add(MemoryRecord.idOf(kind, c.ref())));
            }
            vectors.delete(gone);
            write(records);
            long upTo = changes.get(changes.size() - 1).seq();
            vectors.commit(state(upTo));
            store.memoryLearned(upTo);
            learned += changes.size();
        }
        return learned;
    }

    /** Forgets everything and learns it again from SQLite: {@code vigie reindex}. */
    public synchronized int rebuild() {
        long upTo = store.newestMemoryChange();
        vectors.clear();
        int learned = 0;
        List<MemoryRecord> records = new ArrayList<>();
        for (String id : documents.allIncidentIds()) {
            documents.incident(id).ifPresent(records::add);
            learned += flushIfFull(records);
        }
        for (var t : store.templates()) {
            records.add(documents.template(t));
            learned += flushIfFull(records);
        }
        learned += records.size();
        write(records);
        vectors.commit(state(upTo));
        store.memoryLearned(upTo);
        LOG.info("memory rebuilt from the database: {} records in the {}", learned, vectors.describe());
        return learned;
    }

    private int flushIfFull(List<MemoryRecord> records) {
        if (records.size() < CHUNK) {
            return 0;
        }
        int n = records.size();
        write(records);
        records.clear();
        return n;
    }

    private void write(List<MemoryRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<float[]> embedded = embedder.embedAll(records.stream().map(r -> gist(r.text())).toList());
        List<VectorStore.Entry> entries = new ArrayList<>(records.size());
        for (int k = 0; k < records.size(); k++) {
            entries.add(new VectorStore.Entry(records.get(k), embedded.get(k)));
        }
        vectors.upsert(entries);
    }

    /** Times and template placeholders: many word pieces to the model, no meaning. */
    private static final java.util.regex.Pattern NOISE = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ][\\d:.]+Z?|<\\*>");

    /**
     * What of a record's text is embedded: its first {@link #GIST_WORDS} words without times and
     * placeholders, which hold what says most of it (service, domain, cause, first signal, first
     * templates). The model's cost grows with its word pieces; the whole text is still searched by
     * its words.
     */
    static String gist(String text) {
        String clean = NOISE.matcher(text).replaceAll(" ");
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < clean.length(); i++) {
            boolean space = Character.isWhitespace(clean.charAt(i));
            if (!space && !inWord && ++words > GIST_WORDS) {
                return clean.substring(0, i).strip();
            }
            inWord = !space;
        }
        return clean.strip();
    }

    private Map<String, String> state(long upTo) {
        return Map.of(MODEL, embedder.model(), LEARNED, Long.toString(upTo));
    }

    /** Hybrid search: the query's text is embedded here (redacted first) and searched by words too. */
    public List<MemoryHit> search(MemoryQuery query) {
        if (vectors.count() == 0) {
            return List.of(); // nothing to find: the model is not loaded for nothing (two seconds, a hundred megabytes)
        }
        return vectors.search(embedded(query));
    }

    /**
     * The query with its text's vector, to search with it several times (several kinds) for one
     * embedding; unchanged when it has one, or no text.
     */
    public MemoryQuery embedded(MemoryQuery query) {
        if (!query.hasText() || query.vector() != null) {
            return query;
        }
        return new MemoryQuery(query.text(), embedder.embed(query.text()), query.kinds(), query.service(), query.domain(),
                query.fromMs(), query.toMs(), query.limit());
    }

    /** Past incidents most like {@code text}, without {@code except} (the incident asked about). */
    public List<SimilarIncident> similarIncidents(String text, String except, int limit) {
        return similarIncidents(MemoryQuery.of(text, null, limit), except);
    }

    /** Past incidents that a query finds, as many as its limit, without {@code except}. */
    public List<SimilarIncident> similarIncidents(MemoryQuery query, String except) {
        String self = except == null ? null : MemoryRecord.idOf(MemoryRecord.Kind.INCIDENT, except);
        MemoryQuery incidents = new MemoryQuery(query.text(), query.vector(), java.util.EnumSet.of(MemoryRecord.Kind.INCIDENT),
                query.service(), query.domain(), query.fromMs(), query.toMs(), query.limit() + 1);
        return search(incidents).stream().filter(h -> !h.record().id().equals(self)).limit(query.limit())
                .map(MemoryHit::asSimilarIncident).toList();
    }

    public long size() {
        return vectors.count();
    }

    public String describe() {
        return vectors.describe() + ", " + embedder.model();
    }

    @Override
    public void close() {
        vectors.close();
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
