package com.liminaltransit.transcript;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A transcript in Markdown read back by a CommonMark parser, as a Markdown reader would: its headings, the text of
 * its paragraphs, and every construct that model text must never become.
 */
final class MarkdownReading {

    /** Heading level and text. */
    record Title(int level, String text) {}

    final List<Title> headings = new ArrayList<>();
    final List<String> paragraphs = new ArrayList<>();
    final List<String> forbidden = new ArrayList<>();
    int bulletLists;

    private MarkdownReading() {}

    static MarkdownReading of(String markdown) {
        MarkdownReading reading = new MarkdownReading();
        Node document = Parser.builder().build().parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                reading.headings.add(new Title(heading.getLevel(), text(heading)));
            }

            @Override
            public void visit(Paragraph paragraph) {
                reading.paragraphs.add(text(paragraph));
                visitChildren(paragraph);
            }

            @Override
            public void visit(BulletList list) {
                reading.bulletLists++;
                visitChildren(list);
            }

            @Override
            public void visit(Link link) {
                reading.forbidden.add("link " + link.getDestination());
            }

            @Override
            public void visit(Image image) {
                reading.forbidden.add("image " + image.getDestination());
            }

            @Override
            public void visit(HtmlInline html) {
                reading.forbidden.add("inline html " + html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                reading.forbidden.add("html block " + html.getLiteral());
            }

            @Override
            public void visit(Code code) {
                reading.forbidden.add("code " + code.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock code) {
                reading.forbidden.add("fenced code " + code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                reading.forbidden.add("indented code " + code.getLiteral());
            }

            @Override
            public void visit(ThematicBreak rule) {
                reading.forbidden.add("rule");
            }

            @Override
            public void visit(BlockQuote quote) {
                reading.forbidden.add("block quote");
            }

            @Override
            public void visit(OrderedList list) {
                reading.forbidden.add("ordered list");
            }
        });
        return reading;
    }

    /** The text of a block as a reader sees it: line breaks as {@code \n}, emphasis marks gone. */
    static String text(Node block) {
        StringBuilder out = new StringBuilder();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softBreak) {
                out.append('\n');
            }

            @Override
            public void visit(HardLineBreak hardBreak) {
                out.append('\n');
            }
        });
        return out.toString();
    }
}
