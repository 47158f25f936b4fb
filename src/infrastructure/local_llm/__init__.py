"""A local language model behind an OpenAI-compatible chat-completions API (Ollama, llama.cpp, vLLM)."""
