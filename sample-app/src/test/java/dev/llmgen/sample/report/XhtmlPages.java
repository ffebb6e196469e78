package dev.llmgen.sample.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Reads a rendered page as XML, which fails on any markup a careless writer would leave broken. */
final class XhtmlPages {

  static final String DOCTYPE = "<!DOCTYPE html>\n";

  private XhtmlPages() {
  }

  /** Parses everything after the doctype, which must come first. */
  static Document parse(String page) {
    if (!page.startsWith(DOCTYPE)) {
      throw new AssertionError("the page does not start with the doctype: " + page.substring(0, 40));
    }
    try {
      DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return builder.parse(new InputSource(new StringReader(page.substring(DOCTYPE.length()))));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
    }
  }

  static List<Element> select(Document page, String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        elements.add((Element) nodes.item(i));
      }
      return elements;
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }

  /** The text of each element the path selects. */
  static List<String> texts(Document page, String xpath) {
    return select(page, xpath).stream().map(Element::getTextContent).toList();
  }

  /** The {@code width} of each bar of a section's charts, in the order drawn. */
  static List<Double> barWidths(Document page, String sectionId) {
    return select(page, "//section[@id='" + sectionId + "']//*[local-name()='rect'][contains(@class,'bar')]").stream()
        .map(bar -> Double.parseDouble(bar.getAttribute("width")))
        .toList();
  }
}
