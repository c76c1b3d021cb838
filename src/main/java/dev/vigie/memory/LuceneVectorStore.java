package dev.vigie.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded memory: one Lucene index in the data directory holding each record's vector (HNSW,
 * cosine) and its text (BM25) together, so a search by meaning and one by words run over the same
 * records and filters, and are fused by reciprocal rank. The state (model, outbox position) is the
 * commit's user data: it is durable exactly when the records are.
 */
public final class LuceneVectorStore implements VectorStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final Path directory;
    private final Directory index;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /**
     * @throws IOException when the index cannot be opened: unreadable, corrupt, or of another Lucene
     *                     version (the memory then rebuilds it from SQLite)
     */
    public LuceneVectorStore(Path directory) throws IOException {
        this.directory = directory;
        this.index = FSDirectory.open(directory);
        IndexWriter w = null;
        try {
            w = new IndexWriter(index, new IndexWriterConfig(new Words.Analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(w, null);
            this.writer = w;
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                w.rollback();
            }
            index.close();
            throw e;
        }
    }

    @Override
    public void upsert(List<Entry> entries) {
        try {
            for (Entry e : entries) {
                writer.updateDocument(new Term("id", e.record().id()), document(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the memory at " + directory, e);
        }
    }

    private static Document document(Entry e) throws JsonProcessingException {
        MemoryRecord r = e.record();
        Document d = new Document();
        d.add(new StringField("id", r.id(), Field.Store.YES));
        d.add(new StringField("kind", r.kind().name(), Field.Store.YES));
        d.add(new StringField("service", r.service(), Field.Store.YES));
        d.add(new StringField("domain", r.domain(), Field.Store.YES));
        d.add(new LongPoint("time", r.timeMs()));
        d.add(new StoredField("time", r.timeMs()));
        d.add(new TextField("text", r.text(), Field.Store.YES));
        d.add(new StoredField("fields", JSON.writeValueAsString(r.fields())));
        d.add(new KnnFloatVectorField("vector", e.vector(), VectorSimilarityFunction.COSINE));
        return d;
    }

    @Override
    public void delete(Collection<String> ids) {
        try {
            for (String id : ids) {
                writer.deleteDocuments(new Term("id", id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the memory at " + directory, e);
        }
    }

    @Override
    public List<MemoryHit> search(MemoryQuery q) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query filter = filter(q);
                int candidates = Math.max(q.limit() * 4, 20);
                List<Hits.ByMeaning<Integer>> byMeaning = new ArrayList<>();
                if (q.vector() != null) {
                    // no filter rather than one that takes everything, whose bit set Lucene would build
                    Query knn = new KnnFloatVectorQuery("vector", q.vector(), candidates, filter instanceof MatchAllDocsQuery ? null : filter);
                    for (ScoreDoc d : searcher.search(knn, candidates).scoreDocs) {
                        // Lucene scores cosine as (1 + cos) / 2
                        byMeaning.add(new Hits.ByMeaning<>(d.doc, 2 * d.score - 1));
                    }
                }
                List<Integer> byWords = new ArrayList<>();
                Query words = words(q, filter, searcher.getIndexReader());
                if (words != null) {
                    for (ScoreDoc d : searcher.search(words, candidates).scoreDocs) {
                        byWords.add(d.doc);
                    }
                }
                // only the winners' records are read: reading every candidate's was most of a search's time
                List<MemoryHit> hits = new ArrayList<>();
                for (Hits.Fused<Integer> f : Hits.fuse(byMeaning, byWords, Integer::compare, q.limit())) {
                    hits.add(f.with(record(searcher.storedFields().document(f.key()))));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the memory at " + directory, e);
        }
    }

    private static Query filter(MemoryQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (q.kinds().size() < MemoryRecord.Kind.values().length) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            q.kinds().forEach(k -> kinds.add(new TermQuery(new Term("kind", k.name())), Occur.SHOULD));
            b.add(kinds.build(), Occur.FILTER);
            any = true;
        }
        if (q.service() != null && !q.service().isEmpty()) {
            b.add(new TermQuery(new Term("service", q.service())), Occur.FILTER);
            any = true;
        }
        if (q.domain() != null && !q.domain().isEmpty()) {
            b.add(new TermQuery(new Term("domain", q.domain())), Occur.FILTER);
            any = true;
        }
        if (q.fromMs() != Long.MIN_VALUE || q.toMs() != Long.MAX_VALUE) {
            b.add(LongPoint.newRangeQuery("time", q.fromMs(), q.toMs()), Occur.FILTER);
            any = true;
        }
        return any ? b.build() : new MatchAllDocsQuery();
    }

    /**
     * A record holds more than this share of the records' word, it says little of them (BM25 gives it
     * almost no weight) and costs the most to score: "error" in a memory of error incidents.
     */
    static final double COMMON = 0.1;

    /**
     * Any of the query's words (after stop words) that is not common in the memory, scored by BM25;
     * the rarest word when all are common; null when it has none.
     */
    private static Query words(MemoryQuery q, Query filter, IndexReader reader) throws IOException {
        if (!q.hasText()) {
            return null;
        }
        List<Term> rare = new ArrayList<>();
        Term rarest = null;
        int rarestFrequency = Integer.MAX_VALUE;
        for (String word : Words.of(q.text())) {
            Term t = new Term("text", word);
            int frequency = reader.docFreq(t);
            if (frequency == 0) {
                continue;
            }
            if (frequency <= COMMON * reader.numDocs()) {
                rare.add(t);
            }
            if (frequency < rarestFrequency) {
                rarest = t;
                rarestFrequency = frequency;
            }
        }
        if (rare.isEmpty() && rarest != null) {
            rare.add(rarest);
        }
        if (rare.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        rare.forEach(t -> any.add(new TermQuery(t), Occur.SHOULD));
        return new BooleanQuery.Builder().add(any.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static MemoryRecord record(Document d) throws JsonProcessingException {
        return new MemoryRecord(d.get("id"), MemoryRecord.Kind.valueOf(d.get("kind")), d.get("text"), d.get("service"),
                d.get("domain"), d.getField("time").numericValue().longValue(), JSON.readValue(d.get("fields"), FIELDS));
    }

    @Override
    public long count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory at " + directory, e);
        }
    }

    @Override
    public synchronized Map<String, String> state() {
        Map<String, String> out = new LinkedHashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    @Override
    public synchronized void commit(Map<String, String> state) {
        try {
            writer.setLiveCommitData(new TreeMap<>(state).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the memory at " + directory, e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            writer.deleteAll();
            writer.setLiveCommitData(Map.<String, String>of().entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the memory at " + directory, e);
        }
    }

    @Override
    public String describe() {
        return "Lucene index " + directory;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the memory at " + directory, e);
        }
    }
}
