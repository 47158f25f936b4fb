"""Gemini on Vertex AI through google-genai: script writer, embedder, narrator, illustrator."""
