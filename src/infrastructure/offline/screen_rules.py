"""The rule book of the keyword content screen: risky patterns by category, school phrases that only
sound risky, and the kind, student-readable reason given for each category."""

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScreenRule:
    """A category and the pattern (over lower-cased, normalised text) that puts text in it."""

    category: str
    pattern: re.Pattern[str]


def _rules(category: str, *patterns: str) -> tuple[ScreenRule, ...]:
    return tuple(ScreenRule(category, re.compile(p)) for p in patterns)


# School phrases that contain a risky-sounding word; they are blanked out before the rules run.
ALLOW_PHRASES: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    r"\bshooting stars?\b", r"\b(?:the )?civil wars?\b", r"\bworld war (?:i{1,2}|1|2|one|two)\b",
    r"\brevolutionary war\b", r"\bhow (?:do |does )?vaccines? work\b", r"\bcell division\b",
    r"\batomic bomb(?:s|ing|ings)? (?:history|in history)\b", r"\bhistory of (?:the )?atomic bombs?\b",
    r"\bmanhattan project\b", r"\bdrug discovery\b", r"\b(?:red |white )?blood cells?\b",
    r"\bblood (?:vessels?|types?|pressure)\b", r"\bsex cells?\b", r"\bsex chromosomes?\b",
    r"\b(?:a)?sexual reproduction\b", r"\bsexually reproduc\w*\b", r"\bnaked eye\b", r"\bnaked mole[- ]rats?\b",
    r"\b(?:gettysburg|inaugural|farewell|state of the union) address\b", r"\bkiller whales?\b",
    r"\bbomb calorimeters?\b", r"\bstrong passwords?\b", r"\bboston massacre\b",
))

_INSTRUCT = (
    r"(?:how (?:to|do i|do you|can i|could i|would i|should i|do we|can we|"
    r"(?:would|could|can|does|do|might|should) (?:someone|somebody|a person|people|one|you|i|we))|"
    r"ways? to|best way to|easiest way to|steps? to|"
    r"instructions (?:for|to|on)|teach me (?:how )?to|help me|show me how to|tell me how to|guide (?:to|for)|"
    r"recipe for|what (?:\w+ ){0,3}(?:can|could|should|do) i (?:use|mix|combine|get) to|"
    r"(?:i|im)(?: really)?(?: am|'m)? (?:want to|wanna|need to|plan to|planning to|going to|gonna|will))"
)
_WEAPONS = (
    r"(?:bombs?|explosives?|grenades?|guns?|firearms?|rifles?|pistols?|weapons?|molotov\w*|napalm|thermite|"
    r"nerve (?:agent|gas)|poison(?:ous)? gas|silencers?|landmines?|ricin|anthrax)"
)
_PERSON = (
    r"(?:someone|somebody|anyone|everyone|people|persons?|him|her|them|kids?|child(?:ren)?|bab(?:y|ies)|boys?|girls?|"
    r"m[ae]n|wom[ae]n|teachers?|students?|classmates?|friends?|brothers?|sisters?|mom|mother|dad|father|parents?|"
    r"neighbou?rs?|principal|cops?|police(?: officers?)?|dogs?|cats?|pets?|bull(?:y|ies)|family|president|animals?)"
)
_VICTIM = (
    r"(?:(?:my|his|her|their|our|your|the|a|an|that|this|some|every)\s+(?:[\w'-]+\s+)?)?" + _PERSON + r"(?:'s)?"
)
_DRUGS = (
    r"(?:weed|marijuana|cannabis|cocaine|meth|methamphetamine|heroin|fentanyl|lsd|mdma|ecstasy|molly|shrooms|"
    r"ketamine|xanax|opioids?|drugs|edibles|vapes?|juul|cigarettes?|cigs|nicotine|alcohol|beer|vodka|whiskey|"
    r"liquor|booze|wine)"
)
_OWNER = (
    r"(?:someone|somebody|anyone|a person|other people|(?:my|our|his|her|their|the) (?:teacher|classmate|friend|"
    r"neighbou?r|mom|mother|dad|father|brother|sister|boss|principal|ex|crush|coach|bully|girlfriend|boyfriend)|"
    r"(?!(?:what|that|it|there|here|let|he|she|who|where|how|one)'s)[a-z]+'s|his|her|their)"
)
_PRIVATE = (
    r"(?:(?:home|street|house|mailing|e-?mail|ip) address(?:es)?|phone numbers?|(?:cell|mobile|telephone|home) "
    r"(?:phone )?numbers?|passwords?|passcodes?|pin (?:code|number)s?|social security numbers?|ssn|"
    r"credit card(?: numbers?| details)?|bank (?:account|details)(?: numbers?)?|login(?: details)?)"
)
_GROUPS = (
    r"(?:jews|jewish people|muslims|christians|hindus|black people|blacks|white people|whites|asians|asian people|"
    r"mexicans|latinos|hispanics|immigrants|refugees|gay people|gays|lesbians|trans people|transgender people|"
    r"disabled people|women|girls|men|boys)"
)
_INSULTS = r"(?:stupid|dumb|inferior|evil|dirty|animals|subhuman|vermin|trash|worthless|lazy|criminals|disgusting|ugly)"

RULES: tuple[ScreenRule, ...] = (
    *_rules(
        "self_harm",
        r"\b(?:kill|hurt|harm|cut|starve|poison) (?:myself|my ?self)\b", r"\bsuicid(?:e|al)\b",
        r"\bself[- ]?harm\w*\b", r"\b(?:end|take) my (?:own )?life\b",
        r"\bi(?: really)?(?: am|'m)? (?:want to|wanna|going to|gonna|plan to) die\b",
        r"\bi wish i (?:was|were) dead\b", r"\b(?:don't|do not) want to (?:live|be alive)\b",
        r"\bhow (?:many|much)\b[\w\s']{0,30}?\b(?:to|would|will|could|do i|does it)\s+(?:\w+\s+)?"
        r"(?:die|overdose|kill (?:me|myself|a person|someone))\b",
        r"\b(?:to|and|i|me|myself) overdose\b", r"\boverdos(?:e|ing) on\b",
        r"\b(?:painless|easiest|quickest|fastest|best) way to (?:die|end it)\b",
        r"\b(?:unalive|kms)\b", r"\bstop existing\b", r"\b(?:i'd|i would|i'm|i am|we'd) be better off dead\b",
    ),
    *_rules(
        "violence",
        _INSTRUCT + r" (?:make|build|create|assemble|construct|craft|3d[- ]?print|print|buy|get|hide|sneak|mix|"
        r"combine|use)\b[\w\s'-]{0,40}?\b" + _WEAPONS + r"\b",
        _INSTRUCT + r" (?:kill|murder|hurt|stab|shoot|strangle|choke|poison|beat up|attack|kidnap|torture|drown|"
        r"burn|punch)\s+" + _VICTIM + r"\b",
        r"\b(?:shoot|bomb|attack|blow) up (?:my|the|a|our) (?:school|class|classroom)\b",
        r"\bplan(?:ning)? (?:a|an|the) (?:school )?(?:shooting|bombing|massacre|attack)\b",
        r"\b(?:" + _WEAPONS + r"|poisons?|knife|knives) (?:to|that (?:can|will|would)) (?:kill|hurt|harm|injure) "
        + _VICTIM + r"\b",
        r"\b(?:shoots?|stabs?|kills?|murders?|shooting|stabbing|killing) (?:every(?:one|body)|all the "
        r"(?:kids|students|people|teachers))\b",
    ),
    *_rules(
        "sexual",
        r"\bsex\b", r"\bsexy\b", r"\bsexual(?:ly)?\b", r"\bporn\w*", r"\bnudes?\b", r"\bnaked\b", r"\bnudity\b",
        r"\berotic\w*", r"\bhentai\b", r"\bonlyfans\b", r"\bxxx\b", r"\bhorny\b", r"\borgasm\w*",
    ),
    *_rules(
        "drugs",
        r"(?:" + _INSTRUCT + r"|where (?:can|do|could) i) (?:buy|get|find|make|cook|grow|smoke|use|take|try|snort|"
        r"inject|sneak|hide|order|brew|distill)\b[\w\s'-]{0,20}?\b" + _DRUGS + r"\b",
        r"\bget(?:ting)? (?:high|drunk|stoned|wasted|hammered|buzzed)\b", r"\bfake ids?\b",
        r"\b(?:recommend|best|good|favou?rite|strongest)\b[\w\s]{0,15}\b(?:vapes?|vape flavou?rs?|weed(?: strains?)?|"
        r"vodka|liquor|edibles)(?:\s*[?.!]?\s*$|\s+(?:to|for)\b)",
        r"\bhid(?:e|ing) (?:my |the )?(?:vap\w*|weed|drugs|alcohol|smoking|drinking)\b",
    ),
    *_rules(
        "personal_data",
        r"\b" + _OWNER + r"\s+(?:\w+\s+)?" + _PRIVATE + r"\b",
        r"\b(?:someone|somebody|a person|(?:my|our|the) \w+)'s (?:home )?address\b",
        r"\b(?:give me|tell me|what(?:'s| is| are)|find|get|look up|share|send me|i need|i want)\b[\w\s']{0,30}?"
        r"\bthe " + _PRIVATE + r"\s+(?:of|for)\b",
        r"\b" + _PRIVATE + r"\s+(?:of|for|to)\s+" + _OWNER + r"\b",
        r"\b(?:hack(?:ing)?|break(?:ing)?) into\b", r"\bdox+(?:ing|ed)?\b",
        r"\b(?:what(?:'s| is)|whats|give me|tell me|find|get|share)\b[\w\s']{0,20}\b(?:wi-?fi|school|admin|"
        r"teacher'?s?|account|parents'?|mom's|dad's) passwords?\b",
        r"\b(?:hack|steal|crack|guess|find out|figure out|bypass)\s+" + _OWNER
        + r"\s+(?:\w+\s+)?(?:password|account|email|phone|instagram|snapchat|tiktok)s?\b",
    ),
    *_rules(
        "prompt_injection",
        r"\b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+)?"
        r"(?:above|previous|prior|preceding|earlier)\b",
        r"\b(?:ignore|disregard|forget|override|bypass)\b[\w\s,']{0,30}?\b(?:your|all|previous|prior|earlier|"
        r"system|safety|these|those)\s+(?:\w+\s+)?(?:instructions?|prompts?|rules|guidelines|directions|"
        r"restrictions|filters?|programming)\b",
        r"\byou(?: are|'re) now\b", r"\bfrom now on,? you\b", r"\bsystem prompt\b", r"\bdeveloper mode\b",
        r"\bjailbr(?:eak|oken)\w*", r"\bdo anything now\b",
        r"\b(?:reveal|show|print|repeat|output|tell me|what (?:is|are|were)) (?:me )?your (?:\w+ )?"
        r"(?:instructions|prompt|system message|rules)\b",
        r"(?:^|[.!?,;:]\s*)(?:please |now )?act as\b", r"\bact as (?:if|though) you\b",
        r"<\|?\s*(?:system|im_start|im_end|endoftext)\b", r"\[/?(?:inst|system)\]",
        r"^\s*(?:system|assistant|developer)\s*:",
        r"\bnew instructions?\s*:",
        r"\b(?:ignore|disregard|forget|skip)\s+(?:the|your|this|these)\s+(?:lesson|passages?|curriculum|task|"
        r"context|instructions?|guidelines|rules)\b",
        r"\b(?:print|say|output|write|respond with|reply with|answer with) exactly\b", r"\bobey me\b",
        r"#{2,}\s*(?:instruction|system|prompt)", r"\brepeat after me\b",
        r"\b(?:forget|ignore|disregard)\s+(?:everything|all|anything)\s+(?:that\s+)?(?:you\s+)?"
        r"(?:were|have been|was|'ve been|know|learned)?\s*(?:told|taught|given|said|programmed)\b",
        r"\b(?:you have|with|there are|have) no (?:restrictions|filters|rules|guidelines|limits|censorship)\b",
        r"\bwithout (?:any )?(?:restrictions|filters|rules|guidelines|limits|censorship)\b",
        r"\b(?:unfiltered|uncensored|unrestricted|jailbroken|evil) (?:ai|mode|assistant|chatbot|version|bot|model)\b",
        r"\b(?:as|be|called) dan\b", r"\bdan mode\b",
        r"\bpretend\b[\w\s']{0,25}\b(?:no|without) (?:rules|restrictions|filters|limits)\b",
    ),
    *_rules(
        "hate",
        r"\b" + _GROUPS + r"\s+(?:are|is)\s+(?:all\s+|so\s+|really\s+)?" + _INSULTS + r"\b",
        r"\bwhy (?:are|is|do) (?:all )?" + _GROUPS + r" (?:all |so |really )?(?:are )?" + _INSULTS + r"\b",
        r"\b(?:why|prove|explain why)\b[\w\s']{0,15}\b" + _GROUPS + r" (?:are|is) (?:all |so |naturally |really )?"
        + _INSULTS + r"\b",
        r"\b(?:i|we) hate (?:all )?(?:the )?" + _GROUPS + r"\b",
        r"\b(?:should|must|let's|lets|we need to|i want to|i wanna|how to|ways to) (?:kill|exterminate|eliminate|"
        r"get rid of|deport) (?:all )?(?:the )?" + _GROUPS + r"\b",
        r"\b(?:racist|sexist|homophobic|antisemitic) jokes?\b", r"\bwhite (?:power|supremacy is)\b",
        r"\b(?:heil hitler|sieg heil)\b", r"\bn[i1!]gg(?:er|a|ers|as|az)\b", r"\bf[a@]gg?(?:ot|ots)\b",
        r"\bk[i1]kes?\b", r"\bsp[i1]cs?\b", r"\bretard(?:s|ed)?\b", r"\btrann(?:y|ies)\b", r"\bwetbacks?\b",
        r"\bgooks?\b",
    ),
)

REASONS: dict[str, str] = {
    "self_harm": (
        "It sounds like you might be going through something really hard, and you deserve support. Please talk "
        "to a trusted adult, like a parent, teacher or school counselor, right away. If you are in danger now, "
        "call your local emergency number."
    ),
    "violence": (
        "This question asks for something that could hurt people, so we can't help with it here. If you are "
        "feeling unsafe, or someone else is in danger, please talk to a trusted adult right away."
    ),
    "sexual": (
        "This question is about a topic we don't cover in lessons here. A trusted adult, like a parent, "
        "teacher or school nurse, is a good person to ask."
    ),
    "drugs": (
        "We can't help with getting or using drugs, alcohol or vapes. If you have questions about your health "
        "or safety, please talk to a trusted adult, like a parent, teacher or school nurse."
    ),
    "personal_data": (
        "We can't help find private information about people, like addresses, phone numbers or passwords. "
        "Everyone's private information should stay private, including yours."
    ),
    "prompt_injection": (
        "This question tries to change how the lesson writer works, so we can't use it. Please ask about "
        "something you want to learn, like a topic from science, math, history or reading."
    ),
    "hate": (
        "This question uses words or ideas that are unkind to a group of people, so we can't help with it. "
        "Please ask about what you want to learn in a respectful way."
    ),
}
