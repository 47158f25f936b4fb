"""Curated words that signal each school subject, used alongside the catalogue's own vocabulary."""

GENERAL_SUBJECT = "general"

CURATED_SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "science": (
        "science", "biology", "chemistry", "physics", "astronomy", "geology", "ecology", "plant", "animal",
        "cell", "atom", "molecule", "energy", "force", "gravity", "magnet", "electricity", "light", "sound",
        "heat", "temperature", "weather", "climate", "volcano", "earthquake", "rock", "mineral", "planet",
        "star", "moon", "sun", "space", "galaxy", "ocean", "water", "cloud", "rain", "habitat", "species",
        "evolution", "fossil", "dinosaur", "organism", "bacteria", "virus", "vaccine", "blood", "heart",
        "lung", "brain", "bone", "muscle", "body", "digestion", "photosynthesis", "ecosystem", "matter",
        "gas", "liquid", "solid", "experiment", "chemical", "reaction", "oxygen", "carbon", "dna", "gene",
        "insect", "mammal", "reptile", "bird", "fish", "tree", "seed", "flower", "leaf", "leaves",
    ),
    "mathematics": (
        "math", "maths", "mathematics", "number", "add", "addition", "subtract", "subtraction", "multiply",
        "multiplication", "divide", "division", "fraction", "decimal", "percent", "percentage", "equation",
        "algebra", "geometry", "angle", "triangle", "square", "circle", "rectangle", "shape", "area",
        "perimeter", "volume", "graph", "slope", "function", "ratio", "rate", "proportion", "probability",
        "statistics", "mean", "median", "average", "integer", "sum", "product", "theorem", "calculate",
        "solve", "variable", "exponent", "quadratic", "polynomial", "measurement", "counting", "count",
    ),
    "history": (
        "history", "historical", "war", "revolution", "ancient", "empire", "king", "queen", "president",
        "civilization", "colony", "colonies", "independence", "constitution", "government", "democracy",
        "pharaoh", "egypt", "rome", "roman", "greece", "greek", "medieval", "century", "slavery", "treaty",
        "battle", "explorer", "pilgrim", "declaration", "amendment", "civil", "industrial", "reconstruction",
        "dynasty", "emperor", "founding", "settlers", "pioneer", "past", "long ago", "archaeology",
    ),
    "language arts": (
        "grammar", "noun", "verb", "adjective", "adverb", "pronoun", "sentence", "paragraph", "essay",
        "writing", "story", "poem", "poetry", "rhyme", "spelling", "punctuation", "comma",
        "vocabulary", "reading", "book", "novel", "author", "character", "plot", "setting", "theme",
        "simile", "metaphor", "figurative", "persuasive", "argument", "narrative", "fiction", "nonfiction",
        "literature", "literary", "rhetoric", "syllable", "synonym",
        "antonym", "prefix", "suffix", "summary", "thesis", "genre", "stanza", "myth", "fable",
    ),
}
