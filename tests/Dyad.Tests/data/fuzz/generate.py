#!/usr/bin/env python3
"""Writes the nasty-input corpus the readers must survive (each a seed for the fuzzer and a
regression test). Run from this folder: python3 generate.py"""
import os, zlib

def w(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "wb").write(data if isinstance(data, bytes) else data.encode("utf-8"))

para = "The foreign ministers met in Muscat on Sunday for a third round of talks, officials said."

def pdf(objects, trailer_root=1):
    """A PDF from object bodies (bytes), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {trailer_root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)

def stream(data, flate=True, length=None):
    payload = zlib.compress(data, 9) if flate else data
    filt = b" /Filter /FlateDecode" if flate else b""
    n = len(payload) if length is None else length
    return b"<< /Length " + str(n).encode() + filt + b" >>\nstream\n" + payload + b"\nendstream"

def page_pdf(content, **kw):
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, **kw),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])

text = f"BT /F1 11 Tf 72 720 Td ({para}) Tj ET".encode()
minimal = page_pdf(text)
w("pdf/minimal.pdf", minimal)
w("pdf/truncated.pdf", minimal[: len(minimal) * 3 // 5])
w("pdf/bomb.pdf", page_pdf(b" " * (128 * 1024 * 1024)))
w("pdf/nested-arrays.pdf", page_pdf(b"[" * 10000 + b"]" * 10000 + b" " + text, flate=False))
w("pdf/wrong-length.pdf", page_pdf(text, flate=False, length=999999999))
w("pdf/bad-xref.pdf", minimal.replace(b"0000000009 00000 n", b"0000099999 00000 n"))
w("pdf/header-only.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
w("pdf/garbage-flate.pdf", page_pdf(b"", flate=False).replace(b"<< /Length 0 >>\nstream\n\nendstream", b"<< /Length 16 /Filter /FlateDecode >>\nstream\n\x78\x9c\xff\xff\xff\xff\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\nendstream"))

w("html/deep-10000.html", "<html><body>" + "<div>" * 10000 + f"<p>{para}</p>" + "</div>" * 10000 + "</body></html>")
w("html/deep-formatting.html", "<html><body><p>" + "<b><i><a href=\"#\">" * 3000 + para + "</p></body></html>")
w("html/deep-tables.html", "<html><body>" + "<table><tr><td>" * 2000 + para + "</body></html>")
w("html/truncated.html", f"<!DOCTYPE html><html><head><title>Cut</title></head><body><article><p>{para}</p><p>The talks will resume next mon")
w("html/invalid-utf8.html", b"<html><body><p>" + para.encode() + b"\xff\xfe\xc3\x28 broken bytes</p></body></html>")
w("html/jsonld-deep.html", "<html><head><script type=\"application/ld+json\">" + "[" * 10000 + "]" * 10000 + f"</script></head><body><p>{para}</p></body></html>")
w("html/unclosed-comment.html", f"<html><body><p>{para}</p><!-- never closed <p>hidden</p>")
w("html/footnote-loop.html", f"<html><body><p>{para}<sup><a href=\"#fn1\">1</a></sup></p><ol class=\"footnotes\"><li id=\"fn1\">See <a href=\"#fn1\">note 1</a> <sup><a href=\"#fn1\">1</a></sup></li></ol></body></html>")
w("html/empty-body.html", "<html><head><title>Nothing</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>")

w("feed/billion-laughs.rss", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><rss><channel><item><title>&lol3;</title></item></channel></rss>")
w("feed/external-entity.rss", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel><item><description>&xxe;</description></item></channel></rss>")
w("feed/deep-10000.rss", "<rss><channel><item><description>" + "<x>" * 10000 + "</x>" * 10000 + "</description></item></channel></rss>")
w("feed/deep-html-item.rss", "<rss><channel><item><title>Deep</title><description><![CDATA[" + "<div>" * 10000 + f"<p>{para}</p>" + "]]></description></item></channel></rss>")
w("feed/truncated.rss", f"<rss version=\"2.0\"><channel><title>Cut</title><item><title>One</title><description>{para}</description></item><item><title>Tw")
w("feed/invalid-utf8.rss", b"<rss><channel><item><title>\xc3\x28</title></item></channel></rss>")
w("feed/empty-items.rss", "<rss version=\"2.0\"><channel><item></item><item><title>Only a title</title></item></channel></rss>")

w("markdown/deep-quote.md", ">" * 10000 + " " + para + "\n")
w("markdown/deep-list.md", "".join("  " * i + "- item\n" for i in range(400)) + "\n" + para + "\n")
w("markdown/deep-brackets.md", "[" * 10000 + para + "]" * 10000 + "\n")
w("markdown/unclosed-fence.md", "```\n" + para + "\n")
w("markdown/footnote-self.md", f"{para}[^1]\n\n[^1]: See [^1] and [^1][^1].\n")
w("markdown/invalid-utf8.md", b"# Title\n\n\xed\xa0\x80 surrogate\n")

w("plain/nul.txt", para.encode() + b"\x00\x00\x00")
w("plain/invalid-utf8.txt", para.encode() + b"\xc0\xaf")
w("plain/markers-only.txt", "\u00b9" * 20000 + "\n")
w("plain/notes-only.txt", "Notes\n\n" + "".join(f"{i}. \"Title {i}\", Outlet, May {i % 28 + 1}, 2023.\n" for i in range(1, 500)))
w("plain/long-line.txt", (para + " ") * 3000)
w("plain/utf16-odd.txt", b"\xff\xfeT\x00h\x00e\x00")
w("plain/control-chars.txt", "".join(chr(i) for i in range(1, 32)) * 100)
print("written")
