package dev.slipstream.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered user message read the way the model is told to read it: the instruction text, with each
 * data block's payload replaced by a marker, and the blocks themselves.
 */
record DataBlockView(String skeleton, List<Block> blocks) {
    private static final Pattern OPEN = Pattern.compile("<data name=\"([A-Za-z0-9_]+)\">");
    static final String PAYLOAD = "…payload…";

    record Block(String name, String payload) {}

    static DataBlockView of(String message) {
        final List<String> lines = message.lines().toList();
        final List<String> skeleton = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final Matcher open = OPEN.matcher(lines.get(i));
            skeleton.add(lines.get(i));
            if (open.matches()) {
                if (i + 2 >= lines.size() || !lines.get(i + 2).equals("</data>")) {
                    throw new AssertionError("block " + open.group(1) + " is not three lines: " + message);
                }
                blocks.add(new Block(open.group(1), lines.get(i + 1)));
                skeleton.add(PAYLOAD);
                skeleton.add(lines.get(i + 2));
                i += 2;
            }
        }
        return new DataBlockView(String.join("\n", skeleton), blocks);
    }

    Block block(String name) {
        return blocks.stream().filter(block -> block.name().equals(name)).findFirst().orElseThrow();
    }
}
