"""A ScriptWriter whose lesson text is full of HTML and script, as a compromised or confused model might write."""

from dataclasses import replace

from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from domain.lesson_script import LessonScript, QuizItem, Slide

# Each one would do something visible if the page parsed it as HTML: run a script, create an element.
PAYLOADS = (
    '<img src="x" onerror="window.__pwned = (window.__pwned || 0) + 1">',
    "<script>window.__pwned = (window.__pwned || 0) + 1</script>",
    '<b data-pwned="1">bold?</b>',
    '<a href="javascript:window.__pwned=1" data-pwned="1">link?</a> &amp; &lt;entity&gt;',
)


def _dirty(text: str, n: int) -> str:
    return f"{text} {PAYLOADS[n % len(PAYLOADS)]}"


class HostileScriptWriter(ScriptWriter):
    """Writes what `inner` writes, with a payload added to every piece of text the studio shows that the check
    stage does not ground (grounding drops a factual sentence a payload is glued to, which is tested elsewhere):
    title, hook, headings, quiz questions and wrong choices, slide titles."""

    def __init__(self, inner: ScriptWriter) -> None:
        self._inner = inner

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        """The inner script, made hostile."""
        written = await self._inner.write(brief)
        return replace(written, script=self._poison(written.script))

    @staticmethod
    def _poison(script: LessonScript) -> LessonScript:
        return replace(
            script,
            title=_dirty(script.title, 0),
            hook=_dirty(script.hook, 1),
            sections=tuple(replace(s, heading=_dirty(s.heading, i)) for i, s in enumerate(script.sections)),
            quiz=tuple(QuizItem(question=_dirty(q.question, i),
                                choices=tuple(c if c == q.answer else _dirty(c, j) for j, c in enumerate(q.choices)),
                                answer=q.answer, explanation=q.explanation)
                       for i, q in enumerate(script.quiz)),
            slides=tuple(Slide(title=_dirty(s.title, i), bullets=s.bullets) for i, s in enumerate(script.slides)),
        )
