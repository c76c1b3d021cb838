package dev.vigie.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The words a text is searched by, the same for every backend: lower case, accents folded ("déjà"
 * finds "deja"), common English and French words left out.
 */
final class Words {
    private static final CharArraySet STOP = stopWords();

    private Words() {
    }

    private static CharArraySet stopWords() {
        CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        s.addAll(FrenchAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(s);
    }

    /** The distinct words of a text, in order. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        try (Analyzer a = new Analyzer(); TokenStream ts = a.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the words of a text", e); // a string reader does not fail
        }
        return out;
    }

    /** Lucene's analysis of those words, for the embedded index. */
    static final class Analyzer extends org.apache.lucene.analysis.Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new StopFilter(s, STOP);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    }
}
