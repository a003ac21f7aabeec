#!/usr/bin/env python3
"""Builds the HTML extraction evaluation pages from articles.json: each article is laid out in
three of ten page templates (news site, think tank with footnotes, div soup, paywall teaser,
live blog, JSON-LD heavy, old table layout, press statement, magazine with pull quote and rail,
wire service with generated class names) with menus, cookie banners, share
bars, related links, comments and the like. Writes NAME.html and NAME.txt (the reference main text).
Run from this folder: python3 generate.py. The *.handmade-* pages beside them are written by hand, in
the layouts of common publishing systems, and are not touched by this script."""
import html, json, random

arts = json.load(open("articles.json", encoding="utf-8"))
E = html.escape

MENU = ["World", "Politics", "Business", "Energy", "Security", "Climate", "Opinion", "Podcasts", "Video", "Newsletters"]
COMMENTS = [
    ("gulfwatcher", "This is exactly what I predicted last year, and nobody listened. The officials always sign something and then nothing changes on the ground, mark my words."),
    ("R. Haddad", "Good reporting, but the article does not mention the role of the regional banks, which in my view matter far more than any of the ministers quoted here."),
    ("anon_reader", "Does anyone know whether the full text of the agreement has been published? I searched the ministry website and found only a press release."),
    ("Tomasz K.", "I lived near the border for ten years and can tell you that local people have heard these promises many times before."),
]
def related(i):
    others = [a for j, a in enumerate(arts) if j != i]
    rnd = random.Random(i)
    return rnd.sample(others, 4)

def para_html(p, tag="p", links=None, notes=None, k=0):
    if p.startswith("## "):
        return f"<h2>{E(p[3:])}</h2>"
    body = E(p)
    if links and k in links:
        words = p.split()
        phrase = " ".join(words[3:6])
        body = E(" ".join(words[:3])) + f' <a href="https://example.org/source/{k}">{E(phrase)}</a> ' + E(" ".join(words[6:]))
    if notes and k in notes:
        n = notes[k]
        body = body + f'<sup><a href="#fn{n}" id="ref{n}">{n}</a></sup>'
    return f"<{tag}>{body}</{tag}>"

def footnotes_for(a):
    rnd = random.Random(a["slug"])
    idx = [k for k, p in enumerate(a["paras"]) if not p.startswith("## ")]
    chosen = sorted(rnd.sample(idx, 2))
    notes = {k: n + 1 for n, k in enumerate(chosen)}
    texts = {}
    for k, n in notes.items():
        texts[n] = f"\u201c{a['paras'][k].split('.')[0][:60]}\u201d, {a['site']}, published on {a['date']}. https://{a['slug']}.example.com/note{n}"
    return notes, texts

def reference(a):
    return "\n\n".join(p[3:] if p.startswith("## ") else p for p in a["paras"]) + "\n"

def head(a, extra=""):
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{E(a['title'])} | {E(a['site'])}</title>
<meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
{extra}</head>"""

def cookie():
    return """<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience, measure audiences and show you relevant advertising. By continuing to browse you agree to our use of cookies as described in our privacy policy.</p><button>Accept all</button><button>Manage settings</button></div>"""

def nav(cls="site-nav"):
    items = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    return f'<nav class="{cls}"><ul>{items}</ul></nav>'

def share():
    return '<div class="share-bar"><span>Share this article</span><a href="#">Facebook</a><a href="#">X</a><a href="#">LinkedIn</a><a href="#">Email</a></div>'

def related_block(i, cls="related-stories"):
    lis = "".join(f'<li><a href="/{r["slug"]}"><h3>{E(r["title"])}</h3></a><p>{E(r["paras"][0][:120])}...</p></li>' for r in related(i))
    return f'<section class="{cls}"><h2>Related stories</h2><ul>{lis}</ul></section>'

def comments_block():
    cs = "".join(f'<div class="comment"><span class="comment-author">{E(n)}</span><p>{E(t)}</p></div>' for n, t in COMMENTS)
    return f'<section id="comments" class="comments"><h2>Comments (4)</h2>{cs}</section>'

def footer(a):
    return f"""<footer class="site-footer"><p>&copy; 2024 {E(a['site'])}. All rights reserved. No part of this site may be reproduced without permission. Registered office: 12 Harbour Street, London.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>"""

def t_news(i, a):
    paras = "\n".join(para_html(p, links={1}, k=k) for k, p in enumerate(a["paras"]))
    return head(a, f'<meta property="og:title" content="{E(a["title"])}"><meta property="og:site_name" content="{E(a["site"])}"><meta property="article:published_time" content="{a["date"]}T09:30:00Z"><meta name="author" content="{E(a["author"])}">') + f"""
<body>{cookie()}<header class="masthead"><a class="logo" href="/">{E(a['site'])}</a>{nav()}</header>
<main><article><h1>{E(a['title'])}</h1><div class="byline">By <a rel="author" href="/authors/x">{E(a['author'])}</a> | <time datetime="{a['date']}">{a['date']}</time></div>
{share()}
<div class="article-body">{paras}</div>
{share()}<div class="tags"><a href="/t/diplomacy">Diplomacy</a><a href="/t/trade">Trade</a></div></article>
{related_block(i)}{comments_block()}</main>{footer(a)}</body></html>"""

def t_thinktank(i, a):
    notes, texts = footnotes_for(a)
    paras = "\n".join(para_html(p, notes=notes, k=k) for k, p in enumerate(a["paras"]))
    fn = "".join(f'<li id="fn{n}">{E(t)} <a href="#ref{n}">\u21a9</a></li>' for n, t in sorted(texts.items()))
    side = "".join(f'<li><a href="/programmes/{m.lower()}">{m} Programme</a></li>' for m in MENU[:6])
    return head(a, f'<meta name="citation_author" content="{E(a["author"])}"><meta name="author" content="{E(a["author"])}"><meta name="date" content="{a["date"]}">') + f"""
<body><div class="top-bar"><a href="/donate">Support our work</a> <a href="/events">Events</a></div>
<div id="header"><div class="menu">{"".join(f'<a href="/{m.lower()}">{m}</a>' for m in MENU)}</div></div>
<div class="layout"><div class="sidebar"><h4>Programmes</h4><ul>{side}</ul><div class="newsletter-signup"><p>Get our weekly analysis in your inbox every Friday morning, free of charge.</p><input type="email"><button>Sign up</button></div></div>
<div class="content-area"><div class="breadcrumbs"><a href="/">Home</a> / <a href="/analysis">Analysis</a></div>
<h1 class="entry-title">{E(a['title'])}</h1><p class="author-line">{E(a['author'])}, Senior Fellow &middot; {a['date']}</p>
<div class="entry-content">{paras}
<h3>Notes</h3><ol class="footnotes">{fn}</ol></div>
<div class="author-bio"><p>{E(a['author'])} is a senior fellow whose research focuses on regional security, trade and water diplomacy. She previously worked for a development bank.</p></div>
</div></div>{footer(a)}</body></html>"""

def t_divsoup(i, a):
    rnd = random.Random(i * 7)
    def cls(): return "x" + "".join(rnd.choice("abcdef0123") for _ in range(5))
    body = "".join(f'<div class="{cls()}"><h2 class="{cls()}">{E(p[3:])}</h2></div>' if p.startswith("## ") else f'<div class="{cls()}">{E(p)}</div>' for p in a["paras"])
    links = "".join(f'<div class="{cls()}"><a href="/{m.lower()}">{m}</a></div>' for m in MENU)
    rel = "".join(f'<div class="{cls()}"><a href="/{r["slug"]}">{E(r["title"])}</a></div>' for r in related(i))
    return head(a) + f"""<body><div class="{cls()}"><div class="{cls()}">{links}</div></div>
<div class="{cls()}"><div class="{cls()}"><div class="{cls()}">{E(a['title'])}</div><div class="{cls()}">{E(a['author'])} &middot; {a['date']}</div>
<div class="{cls()}">{body}</div></div>
<div class="{cls()}"><div class="{cls()}">More on this topic</div>{rel}</div></div>
<div class="{cls()}"><div class="{cls()}">{''.join(f'<a href="/{m}">{m}</a> ' for m in MENU)}</div><div>&copy; 2024 {E(a['site'])}</div></div></body></html>"""

def t_paywall(i, a):
    paras = [para_html(p, k=k) for k, p in enumerate(a["paras"])]
    cut = 2
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": a["date"] + "T06:00:00+00:00", "author": {"@type": "Person", "name": a["author"]}, "publisher": {"@type": "Organization", "name": a["site"]}, "isAccessibleForFree": False})
    return head(a, f'<script type="application/ld+json">{jsonld}</script>') + f"""
<body><div class="promo-banner"><a href="/subscribe">Subscribe now: your first month for one dollar. Cancel anytime.</a></div>{nav("primary-menu")}
<div class="story"><h1 class="headline">{E(a['title'])}</h1><p class="dateline">{a['date']}</p>
<div class="story-body">{''.join(paras[:cut])}
<div class="paywall-teaser"><h3>Keep reading with a subscription</h3><p>You have read all of your free articles this month. Subscribe for unlimited access to our award-winning journalism, analysis and newsletters.</p><a href="/subscribe">See offers</a></div>
{''.join(paras[cut:])}</div></div>
<aside class="most-read"><h2>Most read</h2><ol>{''.join(f'<li><a href="/{r["slug"]}">{E(r["title"])}</a></li>' for r in related(i))}</ol></aside>{footer(a)}</body></html>"""

def t_liveblog(i, a):
    sections = []
    current = []
    for k, p in enumerate(a["paras"]):
        current.append(para_html(p, links={2}, k=k))
        if len(current) == 2:
            sections.append(current); current = []
    if current: sections.append(current)
    body = "".join(f'<section class="post-block"><div class="block-time">Update {n + 1}</div>{"".join(s)}</section>' for n, s in enumerate(sections))
    return head(a, f'<meta property="og:title" content="{E(a["title"])}"><meta property="article:published_time" content="{a["date"]}">') + f"""
<body><div role="navigation">{"".join(f'<a href="/{m}">{m}</a>' for m in MENU)}</div>{cookie()}
<main id="main-content"><h1>{E(a['title'])}</h1><div class="social-share"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
{body}
<div class="newsletter"><h3>Sign up for our morning briefing</h3><p>The day's most important stories from around the world, delivered to your inbox before breakfast every weekday.</p></div>
</main>{related_block(i, "recommended")}{footer(a)}</body></html>"""

def t_jsonld(i, a):
    body_text = "\n\n".join(p[3:] if p.startswith("## ") else p for p in a["paras"])
    jsonld = json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": a["site"]}, {"@type": "NewsArticle", "headline": a["title"], "datePublished": a["date"], "author": [{"@type": "Person", "name": a["author"]}], "publisher": {"@type": "Organization", "name": a["site"]}, "articleBody": body_text}]})
    paras = [para_html(p, k=k) for k, p in enumerate(a["paras"])]
    paras.insert(2, '<div class="ad-slot"><p>Advertisement</p></div>')
    paras.insert(4, f'<figure><img src="/img/{a["slug"]}.jpg"><figcaption>Officials at the signing ceremony. Photo: Staff photographer</figcaption></figure>')
    return head(a, f'<script type="application/ld+json">{jsonld}</script>') + f"""
<body>{nav()}<div class="page"><div class="col-main"><h1>{E(a['title'])}</h1>
<div itemprop="articleBody">{''.join(paras)}</div>
<div class="read-more"><p>Read more: <a href="/{related(i)[0]['slug']}">{E(related(i)[0]['title'])}</a></p></div></div>
<div class="col-side">{related_block(i)}</div></div>{comments_block()}{footer(a)}</body></html>"""

def t_table(i, a):
    paras = "".join(para_html(p, k=k) for k, p in enumerate(a["paras"]))
    menu = "".join(f'<tr><td><a href="/{m}">{m}</a></td></tr>' for m in MENU)
    return head(a, f'<meta name="description" content="{E(a["paras"][0][:150])}">') + f"""
<body><table width="100%"><tr><td colspan="2"><font size="5">{E(a['site'])}</font></td></tr>
<tr><td width="150" valign="top"><table>{menu}</table></td>
<td valign="top"><font size="4"><b>{E(a['title'])}</b></font><br><i>{E(a['author'])}, {a['date']}</i>{paras}
<p><a href="/archive">Back to the archive</a> | <a href="/print">Print this page</a></p></td></tr>
<tr><td colspan="2"><small>Copyright 2024 {E(a['site'])}. Reproduction prohibited without written consent of the publisher.</small></td></tr></table></body></html>"""

def t_statement(i, a):
    paras = []
    for k, p in enumerate(a["paras"]):
        if k == len(a["paras"]) - 1 and not p.startswith("## "):
            sentences = [s.strip() for s in p.split(". ") if s.strip()]
            paras.append("<ul>" + "".join(f"<li>{E(s if s.endswith('.') else s + '.')}</li>" for s in sentences) + "</ul>")
        else:
            paras.append(para_html(p, k=k))
    return head(a, f'<meta property="og:type" content="article"><meta property="og:site_name" content="{E(a["site"])}">') + f"""
<body><a class="skip-link" href="#content">Skip to content</a><header>{nav()}<form class="search"><input type="search"></form></header>
<div class="container"><section class="statement" id="content"><p class="kicker">Press release</p><h1>{E(a['title'])}</h1>
<p class="meta">Published {a['date']} by the Press Office</p>
{''.join(paras)}
<p class="media-contact">Media enquiries: press@example.org</p></section>
<section class="related-links"><h2>See also</h2><ul>{''.join(f'<li><a href="/{r["slug"]}">{E(r["title"])}</a></li>' for r in related(i))}</ul></section></div>
{footer(a)}</body></html>"""

def ref_statement(a):
    out = []
    for k, p in enumerate(a["paras"]):
        if k == len(a["paras"]) - 1 and not p.startswith("## "):
            sentences = [s.strip() for s in p.split(". ") if s.strip()]
            out.extend(s if s.endswith('.') else s + '.' for s in sentences)
        else:
            out.append(p[3:] if p.startswith("## ") else p)
    return "\n\n".join(out) + "\n"

def t_magazine(i, a):
    paras = [para_html(p, k=k) for k, p in enumerate(a["paras"])]
    first_sentence = a["paras"][0].split(". ")[0]
    paras.insert(2, f'<blockquote class="pullquote"><p>{E(first_sentence)}</p></blockquote>')
    paras.insert(4, f'<div class="inline-more"><strong>Read more:</strong> <a href="/{related(i)[1]["slug"]}">{E(related(i)[1]["title"])}</a></div>')
    rail = "".join(f'<div class="rail-item"><h4>{E(r["title"])}</h4><p>{E(r["paras"][1])}</p></div>' for r in related(i)[:3])
    return head(a, f'<meta property="og:title" content="{E(a["title"])}"><meta name="author" content="{E(a["author"])}"><meta property="article:published_time" content="{a["date"]}">') + f"""
<body>{cookie()}<div class="topbar"><span class="brand">{E(a['site'])}</span>{nav("primary")}</div>
<div class="wrapper"><div class="story-wrap"><p class="standfirst-label">Analysis</p><h1>{E(a['title'])}</h1>
<div class="story-text">{''.join(paras[:3])}</div>
<div class="story-text">{''.join(paras[3:])}</div>
<div class="author-box"><p>{E(a['author'])} covers diplomacy and security for {E(a['site'])}. She has reported from more than thirty countries.</p></div></div>
<div class="rail"><h3>Editor's picks</h3>{rail}</div></div>{footer(a)}</body></html>"""

def t_wire(i, a):
    rnd = random.Random(i * 13)
    def cls(): return "text__" + "".join(rnd.choice("abcdefghij") for _ in range(6))
    body = "".join(f'<h2 class="{cls()}">{E(p[3:])}</h2>' if p.startswith("## ") else f'<div data-testid="paragraph-{k}" class="{cls()}">{E(p)}</div>' for k, p in enumerate(a["paras"]))
    trending = "".join(f'<li><a href="/{r["slug"]}"><span>{E(r["title"])}</span></a><time>{r["date"]}</time></li>' for r in related(i))
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": a["date"] + "T11:02:00Z", "author": [{"@type": "Person", "name": a["author"]}]})
    return head(a, f'<script type="application/ld+json">{jsonld}</script>') + f"""
<body><div id="fusion-app"><div class="{cls()}">{''.join(f'<a href="/{m.lower()}">{m}</a>' for m in MENU)}</div>
<div class="{cls()}"><div class="{cls()}"><h1 class="{cls()}">{E(a['title'])}</h1><div class="{cls()}"><a href="/authors/1">{E(a['author'])}</a></div><time datetime="{a['date']}T11:02:00Z">{a['date']}</time></div>
<div class="{cls()}">{body}</div>
<div class="{cls()}"><p>Our Standards: The Trust Principles.</p></div></div>
<div class="{cls()}"><h2>Trending</h2><ol>{trending}</ol></div></div>{footer(a)}</body></html>"""

TEMPLATES = [("news", t_news), ("thinktank", t_thinktank), ("divsoup", t_divsoup), ("paywall", t_paywall),
             ("liveblog", t_liveblog), ("jsonld", t_jsonld), ("table", t_table), ("statement", t_statement),
             ("magazine", t_magazine), ("wire", t_wire)]

count = 0
for i, a in enumerate(arts):
    for t in (i % 10, (i + 3) % 10, (i + 6) % 10):
        name, fn = TEMPLATES[t]
        stem = f"{a['slug']}.{name}"
        open(f"{stem}.html", "w", encoding="utf-8").write(fn(i, a))
        ref = ref_statement(a) if name == "statement" else reference(a)
        open(f"{stem}.txt", "w", encoding="utf-8").write(ref)
        count += 1
print(count, "pages")
