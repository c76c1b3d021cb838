package dev.vigie.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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
    /** Reciprocal-rank fusion's constant, as in Cormack et al. (2009). */
    static final int RRF_K = 60;

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
            w = new IndexWriter(index, new IndexWriterConfig(new WordsAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
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
                int candidates = Math.max(q.limit() * 4, 50);
                Map<Integer, double[]> fused = new HashMap<>(); // doc → {fused score, similarity, found by words}
                if (q.vector() != null) {
                    ScoreDoc[] byMeaning = searcher.search(new KnnFloatVectorQuery("vector", q.vector(), candidates, filter), candidates).scoreDocs;
                    for (int rank = 0; rank < byMeaning.length; rank++) {
                        // Lucene scores cosine as (1 + cos) / 2
                        fused.put(byMeaning[rank].doc, new double[] {1.0 / (RRF_K + rank + 1), 2 * byMeaning[rank].score - 1, 0});
                    }
                }
                Query words = words(q, filter);
                if (words != null) {
                    ScoreDoc[] byWords = searcher.search(words, candidates).scoreDocs;
                    for (int rank = 0; rank < byWords.length; rank++) {
                        double rrf = 1.0 / (RRF_K + rank + 1);
                        double[] f = fused.computeIfAbsent(byWords[rank].doc, k -> new double[] {0, Double.NaN, 0});
                        f[0] += rrf;
                        f[2] = 1;
                    }
                }
                List<MemoryHit> hits = new ArrayList<>();
                for (Map.Entry<Integer, double[]> f : fused.entrySet()) {
                    double similarity = q.vector() == null ? Double.NaN : f.getValue()[1];
                    hits.add(new MemoryHit(record(searcher.storedFields().document(f.getKey())), f.getValue()[0], similarity,
                            f.getValue()[2] > 0));
                }
                return Hits.best(hits, q.limit());
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

    /** Any of the query's words (after stop words), scored by BM25; null when it has none. */
    private static Query words(MemoryQuery q, Query filter) throws IOException {
        if (!q.hasText()) {
            return null;
        }
        List<String> terms = WordsAnalyzer.terms(q.text());
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(filter, Occur.FILTER);
        for (String t : terms) {
            b.add(new TermQuery(new Term("text", t)), Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch(1);
        return b.build();
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

    /** Words for search in English and French: lower case, accents folded ("déjà" finds "deja"), common words out. */
    static final class WordsAnalyzer extends Analyzer {
        private static final CharArraySet STOP = stopWords();

        private static CharArraySet stopWords() {
            CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
            s.addAll(FrenchAnalyzer.getDefaultStopSet());
            return CharArraySet.unmodifiableSet(s);
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new StopFilter(s, STOP);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }

        static List<String> terms(String text) throws IOException {
            List<String> out = new ArrayList<>();
            try (WordsAnalyzer a = new WordsAnalyzer(); TokenStream ts = a.tokenStream("text", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    String t = term.toString();
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }
                ts.end();
            }
            return out;
        }
    }
}
