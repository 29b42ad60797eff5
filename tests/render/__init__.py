"""Tests of replicate.render: one Markdown source to HTML, DOCX, ODT and PDF."""
