"""Media adapters against the real engines: eSpeak NG, Pillow, ffmpeg."""
