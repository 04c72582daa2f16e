package com.liminaltransit.transcript;

/** Escaping for the XML the EPUB is made of: text and attribute values alike. */
final class Xml {

    private Xml() {}

    /**
     * {@code text} with {@code & < > " '} written as references, so model text can close no element, open no
     * CDATA section ({@code ]]>} becomes {@code ]]&gt;}) and end no attribute. Text reaches here
     * {@linkplain Transcripts#clean cleaned} of characters XML cannot carry.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
