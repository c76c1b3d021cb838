package dev.vigie.template;

import java.util.ArrayList;
import java.util.List;

/** The miner's clusters by 64-bit key (token count and first token), in an open-addressing table: no boxing per line. */
final class Buckets {
    private long[] keys = new long[1024];
    private Object[] lists = new Object[1024];
    private int size;

    /** The clusters of one key, oldest first, and the one that took the bucket's last line. */
    static final class Bucket {
        final List<TemplateMiner.Cluster> clusters = new ArrayList<>(2);
        TemplateMiner.Cluster last;
    }

    Bucket get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            Object list = lists[slot];
            if (list == null) {
                return null;
            }
            if (keys[slot] == key) {
                return (Bucket) list;
            }
        }
    }

    void add(long key, TemplateMiner.Cluster c) {
        Bucket bucket = get(key);
        if (bucket == null) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            bucket = new Bucket();
            put(key, bucket);
            size++;
        }
        bucket.clusters.add(c);
    }

    private void put(long key, Object list) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (lists[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        lists[slot] = list;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldLists = lists;
        keys = new long[oldKeys.length * 2];
        lists = new Object[oldLists.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldLists[i] != null) {
                put(oldKeys[i], oldLists[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
