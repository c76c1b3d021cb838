package dev.vigie.memory;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.util.concurrent.ListenableFuture;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The memory in a Qdrant collection, for a team that shares one memory between several cockpits:
 * over gRPC, the collection and its payload indexes created on first use. A record's words (the
 * same analysis as the embedded index) are a keyword list in its payload, so a search by words is a
 * filter, ranked by how many of the query's words a record holds; the state lives in a one-point
 * collection beside it. Qdrant is told nothing that is not redacted: the memory redacts first.
 */
public final class QdrantVectorStore implements VectorStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How many records a search by words looks at before ranking them. */
    private static final int WORD_CANDIDATES = 1_000;
    private static final UUID STATE_POINT = UUID.nameUUIDFromBytes("vigie:state".getBytes(StandardCharsets.UTF_8));

    private final QdrantClient client;
    private final String collection;
    private final String where;
    private boolean created;

    /**
     * @param url    {@code http://host:6334} (Qdrant's gRPC port); {@code https} for TLS
     * @param apiKey empty for none
     */
    public static QdrantVectorStore connect(String url, String apiKey, String collection) {
        URI u = URI.create(url);
        if (u.getHost() == null) {
            throw new IllegalArgumentException("the Qdrant URL '" + url + "' names no host (e.g. http://localhost:6334)");
        }
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(u.getHost(), u.getPort() < 0 ? 6334 : u.getPort(),
                "https".equals(u.getScheme()), false).withTimeout(TIMEOUT);
        if (apiKey != null && !apiKey.isBlank()) {
            grpc.withApiKey(apiKey);
        }
        return new QdrantVectorStore(new QdrantClient(grpc.build()), collection, url);
    }

    QdrantVectorStore(QdrantClient client, String collection, String where) {
        this.client = client;
        this.collection = collection;
        this.where = where;
    }

    private String stateCollection() {
        return collection + "_state";
    }

    private <T> T call(ListenableFuture<T> f, String doing) {
        try {
            return f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing + " in Qdrant at " + where, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot " + doing + " in Qdrant at " + where + ": " + cause.getMessage(), cause);
        }
    }

    private boolean exists(String name) {
        return call(client.collectionExistsAsync(name), "look for collection " + name);
    }

    /** The collection, with an index on every field a search filters by. */
    private void ensure(int dimensions) {
        if (created || exists(collection)) {
            created = true;
            return;
        }
        call(client.createCollectionAsync(collection, VectorParams.newBuilder().setSize(dimensions).setDistance(Distance.Cosine).build()),
                "create collection " + collection);
        for (String keyword : List.of("kind", "service", "domain", "words")) {
            call(client.createPayloadIndexAsync(collection, keyword, PayloadSchemaType.Keyword, null, true, null, null), "index " + keyword);
        }
        call(client.createPayloadIndexAsync(collection, "time", PayloadSchemaType.Integer, null, true, null, null), "index time");
        created = true;
    }

    private static UUID pointOf(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void upsert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ensure(entries.get(0).vector().length);
        List<PointStruct> points = new ArrayList<>();
        for (Entry e : entries) {
            MemoryRecord r = e.record();
            Map<String, Value> payload = new HashMap<>();
            payload.put("id", value(r.id()));
            payload.put("kind", value(r.kind().name()));
            payload.put("service", value(r.service()));
            payload.put("domain", value(r.domain()));
            payload.put("time", value(r.timeMs()));
            payload.put("text", value(r.text()));
            payload.put("words", value(Words.of(r.text()).stream().map(io.qdrant.client.ValueFactory::value).toList()));
            try {
                payload.put("fields", value(JSON.writeValueAsString(r.fields())));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("cannot write the fields of " + r.id(), ex);
            }
            points.add(PointStruct.newBuilder().setId(id(pointOf(r.id()))).setVectors(vectors(e.vector())).putAllPayload(payload).build());
        }
        call(client.upsertAsync(collection, points), "write " + points.size() + " records");
    }

    @Override
    public synchronized void delete(Collection<String> ids) {
        if (ids.isEmpty() || !(created || exists(collection))) {
            return;
        }
        call(client.deleteAsync(collection, ids.stream().map(i -> id(pointOf(i))).toList()), "delete " + ids.size() + " records");
    }

    @Override
    public synchronized List<MemoryHit> search(MemoryQuery q) {
        if (!(created || exists(collection))) {
            return List.of();
        }
        Filter filter = filter(q);
        int candidates = Math.max(q.limit() * 4, 20);
        Map<String, MemoryRecord> records = new HashMap<>();
        List<Hits.ByMeaning<String>> byMeaning = new ArrayList<>();
        if (q.vector() != null) {
            SearchPoints.Builder s = SearchPoints.newBuilder().setCollectionName(collection).setFilter(filter).setLimit(candidates)
                    .setWithPayload(enable(true));
            for (float f : q.vector()) {
                s.addVector(f);
            }
            for (ScoredPoint p : call(client.searchAsync(s.build()), "search")) {
                MemoryRecord r = record(p.getPayloadMap());
                records.put(r.id(), r);
                byMeaning.add(new Hits.ByMeaning<>(r.id(), p.getScore()));
            }
        }
        List<String> byWords = new ArrayList<>();
        List<String> terms = q.hasText() ? Words.of(q.text()) : List.of();
        if (!terms.isEmpty()) {
            Filter withWords = filter.toBuilder().addMust(matchKeywords("words", terms)).build();
            List<RetrievedPoint> found = call(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(collection)
                    .setFilter(withWords).setLimit(WORD_CANDIDATES).setWithPayload(enable(true)).build()), "search by words").getResultList();
            Set<String> asked = new HashSet<>(terms);
            found.stream().map(p -> Map.entry(record(p.getPayloadMap()),
                            p.getPayloadMap().get("words").getListValue().getValuesList().stream().filter(v -> asked.contains(v.getStringValue())).count()))
                    .sorted(Comparator.comparingLong((Map.Entry<MemoryRecord, Long> e) -> -e.getValue()).thenComparing(e -> e.getKey().id()))
                    .limit(candidates).forEach(e -> {
                        records.putIfAbsent(e.getKey().id(), e.getKey());
                        byWords.add(e.getKey().id());
                    });
        }
        return Hits.fuse(byMeaning, byWords, String::compareTo, q.limit()).stream().map(f -> f.with(records.get(f.key()))).toList();
    }

    private static Filter filter(MemoryQuery q) {
        Filter.Builder f = Filter.newBuilder();
        f.addMust(matchKeywords("kind", q.kinds().stream().map(Enum::name).sorted().toList()));
        if (q.service() != null && !q.service().isEmpty()) {
            f.addMust(matchKeyword("service", q.service()));
        }
        if (q.domain() != null && !q.domain().isEmpty()) {
            f.addMust(matchKeyword("domain", q.domain()));
        }
        if (q.fromMs() != Long.MIN_VALUE || q.toMs() != Long.MAX_VALUE) {
            Range.Builder r = Range.newBuilder();
            if (q.fromMs() != Long.MIN_VALUE) {
                r.setGte(q.fromMs());
            }
            if (q.toMs() != Long.MAX_VALUE) {
                r.setLte(q.toMs());
            }
            f.addMust(range("time", r.build()));
        }
        return f.build();
    }

    private static MemoryRecord record(Map<String, Value> p) {
        try {
            return new MemoryRecord(p.get("id").getStringValue(), MemoryRecord.Kind.valueOf(p.get("kind").getStringValue()),
                    p.get("text").getStringValue(), p.get("service").getStringValue(), p.get("domain").getStringValue(),
                    p.get("time").getIntegerValue(), JSON.readValue(p.get("fields").getStringValue(), FIELDS));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("a record in Qdrant is not one of Vigie's: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long count() {
        if (!(created || exists(collection))) {
            return 0;
        }
        Filter ours = Filter.newBuilder().addMust(matchKeywords("kind",
                java.util.Arrays.stream(MemoryRecord.Kind.values()).map(Enum::name).toList())).build();
        return call(client.countAsync(collection, ours, true), "count records");
    }

    @Override
    public synchronized Map<String, String> state() {
        if (!exists(stateCollection())) {
            return Map.of();
        }
        List<RetrievedPoint> points = call(client.retrieveAsync(stateCollection(), id(STATE_POINT), true, false, null), "read the state");
        if (points.isEmpty()) {
            return Map.of();
        }
        try {
            return new LinkedHashMap<>(JSON.readValue(points.get(0).getPayloadMap().get("state").getStringValue(), FIELDS));
        } catch (JsonProcessingException e) {
            return Map.of(); // not ours: the memory rebuilds
        }
    }

    /** Qdrant applies each write when it answers: a commit writes the state, durable with the records before it. */
    @Override
    public synchronized void commit(Map<String, String> state) {
        if (!exists(stateCollection())) {
            call(client.createCollectionAsync(stateCollection(), VectorParams.newBuilder().setSize(1).setDistance(Distance.Cosine).build()),
                    "create collection " + stateCollection());
        }
        try {
            call(client.upsertAsync(stateCollection(), List.of(PointStruct.newBuilder().setId(id(STATE_POINT)).setVectors(vectors(1f))
                    .putPayload("state", value(JSON.writeValueAsString(new TreeMap<>(state)))).build())), "write the state");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state", e);
        }
    }

    @Override
    public synchronized void clear() {
        for (String c : List.of(collection, stateCollection())) {
            if (exists(c)) {
                call(client.deleteCollectionAsync(c), "delete collection " + c);
            }
        }
        created = false;
    }

    @Override
    public String describe() {
        return "Qdrant collection " + collection + " at " + where;
    }

    @Override
    public synchronized void close() {
        client.close();
    }
}
