package dev.slipstream.context;

/** UTF-8 sizes, measured without encoding. */
final class Utf8 {
    /**
     * The number of bytes {@code text.getBytes(UTF_8)} would have, which is also what Redis stores: an
     * unpaired surrogate counts as the one byte {@code '?'} that replaces it.
     */
    static long length(CharSequence text) {
        long bytes = 0;
        final int length = text.length();
        for (int i = 0; i < length; i++) {
            final char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length &&
                       Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private Utf8() {}
}
