<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an Atom feed opened in a browser as a readable page; feed readers ignore this stylesheet. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:template match="/atom:feed">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="atom:title"/> (Atom feed)</title>
        <link rel="stylesheet" href="/assets/site.css"/>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>
      </head>
      <body>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/"><span>Daily Papers</span></a>
          </div>
        </header>
        <main id="main" class="feed-preview">
          <div class="listing-head">
            <p class="eyebrow">Atom feed</p>
            <h1><xsl:value-of select="atom:title"/></h1>
            <p class="summary">This is a feed: paste its address into a feed reader to follow it. The
              <xsl:value-of select="count(atom:entry)"/> papers it holds now are below.</p>
            <ul class="head-links">
              <li><a href="{atom:link[@rel='alternate']/@href}">The same papers on the site</a></li>
              <li><a href="{atom:link[@rel='self']/@href}"><code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></a></li>
            </ul>
          </div>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ol class="feed-entries">
                <xsl:apply-templates select="atom:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">No papers in this feed yet.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li class="feed-entry">
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="feed-meta">
        <xsl:for-each select="atom:author/atom:name">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
        <xsl:text> · </xsl:text>
        <time datetime="{substring(atom:published, 1, 10)}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
      </p>
      <p class="feed-summary"><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
