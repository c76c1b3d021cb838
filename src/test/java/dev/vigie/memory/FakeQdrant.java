package dev.vigie.memory;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.PointsGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Qdrant server in the test's own process, speaking gRPC through the client jar's own generated
 * services: the collection and point calls the memory makes, points kept in memory, real cosine
 * scoring and payload filters (keyword, any of keywords, integer range, must / should / must not).
 */
final class FakeQdrant implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    record Point(PointId id, float[] vector, Map<String, Value> payload) {
    }

    /** Collection → its size and points by id. */
    final Map<String, Map<String, Point>> collections = new ConcurrentHashMap<>();
    final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    final Map<String, List<String>> indexes = new ConcurrentHashMap<>();
    private final String name = "fake-qdrant-" + NAMES.incrementAndGet();
    private final Server server;

    FakeQdrant() throws IOException {
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new CollectionsService())
                .addService(new PointsService()).build().start();
    }

    private FakeQdrant(InetSocketAddress address) throws IOException {
        server = NettyServerBuilder.forAddress(address).addService(new CollectionsService()).addService(new PointsService()).build().start();
    }

    /** The same server on a port of 127.0.0.1, for what connects by URL, as the engine does. */
    static FakeQdrant listening() throws IOException {
        return new FakeQdrant(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    QdrantClient client() {
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static String key(PointId id) {
        return id.hasUuid() ? id.getUuid() : Long.toString(id.getNum());
    }

    private Map<String, Point> points(String collection) {
        Map<String, Point> points = collections.get(collection);
        if (points == null) {
            throw Status.NOT_FOUND.withDescription("Collection `" + collection + "` doesn't exist!").asRuntimeException();
        }
        return points;
    }

    private static <T> void reply(StreamObserver<T> out, java.util.function.Supplier<T> answer) {
        try {
            out.onNext(answer.get());
            out.onCompleted();
        } catch (io.grpc.StatusRuntimeException e) {
            out.onError(e);
        }
    }

    private static Points.PointsOperationResponse done() {
        return Points.PointsOperationResponse.newBuilder()
                .setResult(Points.UpdateResult.newBuilder().setOperationId(1).setStatus(Points.UpdateStatus.Completed)).build();
    }

    final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void create(Collections.CreateCollection r, StreamObserver<Collections.CollectionOperationResponse> out) {
            reply(out, () -> {
                if (collections.putIfAbsent(r.getCollectionName(), new ConcurrentHashMap<>()) != null) {
                    throw Status.ALREADY_EXISTS.withDescription("Collection `" + r.getCollectionName() + "` already exists!").asRuntimeException();
                }
                sizes.put(r.getCollectionName(), (int) r.getVectorsConfig().getParams().getSize());
                return Collections.CollectionOperationResponse.newBuilder().setResult(true).build();
            });
        }

        @Override
        public void delete(Collections.DeleteCollection r, StreamObserver<Collections.CollectionOperationResponse> out) {
            reply(out, () -> Collections.CollectionOperationResponse.newBuilder()
                    .setResult(collections.remove(r.getCollectionName()) != null).build());
        }

        @Override
        public void collectionExists(Collections.CollectionExistsRequest r, StreamObserver<Collections.CollectionExistsResponse> out) {
            reply(out, () -> Collections.CollectionExistsResponse.newBuilder()
                    .setResult(Collections.CollectionExists.newBuilder().setExists(collections.containsKey(r.getCollectionName()))).build());
        }
    }

    final class PointsService extends PointsGrpc.PointsImplBase {
        @Override
        public void upsert(Points.UpsertPoints r, StreamObserver<Points.PointsOperationResponse> out) {
            reply(out, () -> {
                Map<String, Point> points = points(r.getCollectionName());
                for (Points.PointStruct p : r.getPointsList()) {
                    Points.Vector v = p.getVectors().getVector();
                    List<Float> data = v.hasDense() ? v.getDense().getDataList() : v.getDataList();
                    if (data.size() != sizes.get(r.getCollectionName())) {
                        throw Status.INVALID_ARGUMENT.withDescription("Wrong input: Vector dimension error: expected dim: "
                                + sizes.get(r.getCollectionName()) + ", got " + data.size()).asRuntimeException();
                    }
                    float[] vector = new float[data.size()];
                    for (int k = 0; k < vector.length; k++) {
                        vector[k] = data.get(k);
                    }
                    points.put(key(p.getId()), new Point(p.getId(), vector, Map.copyOf(p.getPayloadMap())));
                }
                return done();
            });
        }

        @Override
        public void delete(Points.DeletePoints r, StreamObserver<Points.PointsOperationResponse> out) {
            reply(out, () -> {
                Map<String, Point> points = points(r.getCollectionName());
                if (r.getPoints().hasFilter()) {
                    points.values().removeIf(p -> matches(r.getPoints().getFilter(), p));
                } else {
                    r.getPoints().getPoints().getIdsList().forEach(id -> points.remove(key(id)));
                }
                return done();
            });
        }

        @Override
        public void createFieldIndex(Points.CreateFieldIndexCollection r, StreamObserver<Points.PointsOperationResponse> out) {
            reply(out, () -> {
                points(r.getCollectionName());
                indexes.computeIfAbsent(r.getCollectionName(), k -> new ArrayList<>()).add(r.getFieldName() + ":" + r.getFieldType());
                return done();
            });
        }

        @Override
        public void search(Points.SearchPoints r, StreamObserver<Points.SearchResponse> out) {
            reply(out, () -> {
                float[] q = new float[r.getVectorCount()];
                for (int k = 0; k < q.length; k++) {
                    q[k] = r.getVector(k);
                }
                Points.SearchResponse.Builder b = Points.SearchResponse.newBuilder();
                points(r.getCollectionName()).values().stream().filter(p -> !r.hasFilter() || matches(r.getFilter(), p))
                        .map(p -> Map.entry(p, VectorStoreContract.cosine(q, p.vector())))
                        .sorted(Comparator.comparingDouble((Map.Entry<Point, Double> e) -> -e.getValue()).thenComparing(e -> key(e.getKey().id())))
                        .limit(r.getLimit())
                        .forEach(e -> b.addResult(Points.ScoredPoint.newBuilder().setId(e.getKey().id()).setScore(e.getValue().floatValue())
                                .putAllPayload(e.getKey().payload())));
                return b.build();
            });
        }

        @Override
        public void scroll(Points.ScrollPoints r, StreamObserver<Points.ScrollResponse> out) {
            reply(out, () -> {
                Points.ScrollResponse.Builder b = Points.ScrollResponse.newBuilder();
                points(r.getCollectionName()).values().stream().filter(p -> !r.hasFilter() || matches(r.getFilter(), p))
                        .sorted(Comparator.comparing(p -> key(p.id()))).limit(r.hasLimit() ? r.getLimit() : 10)
                        .forEach(p -> b.addResult(Points.RetrievedPoint.newBuilder().setId(p.id()).putAllPayload(p.payload())));
                return b.build();
            });
        }

        @Override
        public void count(Points.CountPoints r, StreamObserver<Points.CountResponse> out) {
            reply(out, () -> Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder().setCount(
                    points(r.getCollectionName()).values().stream().filter(p -> !r.hasFilter() || matches(r.getFilter(), p)).count())).build());
        }

        @Override
        public void get(Points.GetPoints r, StreamObserver<Points.GetResponse> out) {
            reply(out, () -> {
                Map<String, Point> points = points(r.getCollectionName());
                Points.GetResponse.Builder b = Points.GetResponse.newBuilder();
                for (PointId id : r.getIdsList()) {
                    Point p = points.get(key(id));
                    if (p != null) {
                        b.addResult(Points.RetrievedPoint.newBuilder().setId(p.id()).putAllPayload(p.payload()));
                    }
                }
                return b.build();
            });
        }
    }

    static boolean matches(Filter f, Point p) {
        return f.getMustList().stream().allMatch(c -> matches(c, p))
                && f.getMustNotList().stream().noneMatch(c -> matches(c, p))
                && (f.getShouldCount() == 0 || f.getShouldList().stream().anyMatch(c -> matches(c, p)));
    }

    private static boolean matches(Condition c, Point p) {
        if (c.hasFilter()) {
            return matches(c.getFilter(), p);
        }
        if (c.hasHasId()) {
            return c.getHasId().getHasIdList().stream().anyMatch(id -> key(id).equals(key(p.id())));
        }
        if (!c.hasField()) {
            throw Status.UNIMPLEMENTED.withDescription("condition " + c.getConditionOneOfCase()).asRuntimeException();
        }
        FieldCondition f = c.getField();
        Value v = p.payload().get(f.getKey());
        if (v == null) {
            return false;
        }
        List<Value> values = v.hasListValue() ? v.getListValue().getValuesList() : List.of(v);
        if (f.hasMatch()) {
            if (f.getMatch().hasKeyword()) {
                return values.stream().anyMatch(x -> x.getStringValue().equals(f.getMatch().getKeyword()));
            }
            if (f.getMatch().hasKeywords()) {
                List<String> any = f.getMatch().getKeywords().getStringsList();
                return values.stream().anyMatch(x -> any.contains(x.getStringValue()));
            }
            throw Status.UNIMPLEMENTED.withDescription("match " + f.getMatch().getMatchValueCase()).asRuntimeException();
        }
        if (f.hasRange()) {
            return values.stream().anyMatch(x -> {
                double n = x.hasIntegerValue() ? x.getIntegerValue() : x.getDoubleValue();
                var r = f.getRange();
                return (!r.hasGte() || n >= r.getGte()) && (!r.hasLte() || n <= r.getLte()) && (!r.hasGt() || n > r.getGt())
                        && (!r.hasLt() || n < r.getLt());
            });
        }
        throw Status.UNIMPLEMENTED.withDescription("field condition on " + f.getKey()).asRuntimeException();
    }
}
