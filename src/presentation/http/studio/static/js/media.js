// Audio, video with captions, slides and downloads: artifacts fetched with the token and shown as blob: URLs.

import { byId, el, setText, show } from "./dom.js";

const byName = (artifacts, name) => artifacts.find((a) => a.name === name);
const AUDIO_CHOICES = [["narration.mp3", "audio/mpeg"], ["narration.wav", "audio/wav"]];

export class MediaShelf {
  constructor(api) {
    this.api = api;
    this.urls = [];
  }

  /** Forgets the shown lesson: stops playback and releases every blob URL. */
  reset() {
    for (const id of ["audio", "video"]) {
      const player = byId(id);
      player.pause();
      player.removeAttribute("src");
      player.removeAttribute("poster");
      player.replaceChildren();
      player.load();
    }
    for (const id of ["slides", "downloads"]) byId(id).replaceChildren();
    for (const id of ["audio-block", "video-block", "slides-block", "downloads-block", "media-panel"]) show(byId(id), false);
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
    delete byId("media-panel").dataset.ready;
  }

  /** Shows every media artifact of a completed lesson; resolves once all are fetched. `isCurrent()` false
   * means another lesson was opened meanwhile, and nothing is shown. */
  async show(doc, isCurrent) {
    const artifacts = doc.artifacts;
    const audioName = AUDIO_CHOICES.find(([n, type]) => byName(artifacts, n) && byId("audio").canPlayType(type))?.[0];
    const slides = artifacts.filter((a) => /^slide-\d+\.png$/.test(a.name)).sort((a, b) => a.name.localeCompare(b.name));
    const wanted = [audioName, "lesson.mp4", "captions.vtt"].map((n) => byName(artifacts, n)).filter(Boolean);
    const fetched = new Map(await Promise.all([...wanted, ...slides].map(async (a) => [a.name, await this.#url(a)])));
    if (!isCurrent()) return;
    this.#audio(fetched.get(audioName), doc.lesson?.narration);
    const poster = slides.length ? fetched.get(slides[0].name) : undefined;
    this.#video(fetched.get("lesson.mp4"), fetched.get("captions.vtt"), doc.language, poster);
    this.#slides(slides.map((a) => fetched.get(a.name)), doc.lesson?.slides ?? []);
    this.#downloads(artifacts);
    show(byId("media-panel"), artifacts.length > 0);
    byId("media-panel").dataset.ready = "true";
  }

  async #url(artifact) {
    const url = URL.createObjectURL(await this.api.artifactBlob(artifact));
    this.urls.push(url);
    return url;
  }

  #audio(url, narration) {
    if (!url) return;
    byId("audio").src = url;
    setText(byId("transcript"), narration);
    show(byId("audio-block"));
  }

  #video(url, captionsUrl, language, poster) {
    if (!url) return;
    const video = byId("video");
    if (poster) video.poster = poster;
    if (captionsUrl) {
      video.append(el("track", { kind: "captions", src: captionsUrl, srclang: language || "en",
        label: "Captions", default: true }));
    }
    video.src = url;
    // Captions on by default: `default` asks for it; setting the mode makes it so in every browser.
    for (const track of video.textTracks) track.mode = "showing";
    show(byId("video-block"));
  }

  #slides(urls, outline) {
    if (!urls.length) return;
    byId("slides").replaceChildren(...urls.map((url, i) => {
      const slide = outline[i] ?? { title: `Slide ${i + 1}`, bullets: [] };
      return el("li", { class: "slide" }, el("figure", {},
        el("img", { src: url, alt: [slide.title, ...slide.bullets].join(". ") }),
        el("figcaption", { text: `${i + 1}. ${slide.title}` })));
    }));
    show(byId("slides-block"));
  }

  #downloads(artifacts) {
    byId("downloads").replaceChildren(...artifacts.map((artifact) => {
      const link = el("button", { type: "button", class: "link", text: `${artifact.name}` });
      link.addEventListener("click", async () => {
        const url = await this.#url(artifact);
        const anchor = el("a", { href: url, download: artifact.name });
        anchor.click();
      });
      return el("li", {}, link, el("span", { class: "muted", text: ` ${artifact.content_type}, ${kib(artifact.bytes)}` }));
    }));
    show(byId("downloads-block"), artifacts.length > 0);
  }
}

const kib = (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KiB`);
