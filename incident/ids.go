package incident

import (
	"strings"

	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
)

// IDNamespace is the UUID namespace of derived incident IDs, as text: an incident without an
// id gets uuid.NewSHA1(uuid.MustParse(IDNamespace), []byte(slug)), a version 5 UUID that
// DeriveID returns, so the ID stays the same from one render to the next as long as the slug
// does. It is itself the version 5 UUID of the URL
// "https://github.com/go-postmortem/postmortem/incident" in the RFC 4122 URL namespace.
const IDNamespace = "7810c6b7-4e6d-5950-a62f-b0b30fbca700"

var idNamespace = uuid.MustParse(IDNamespace)

// DeriveID returns the ID of an incident whose file gives none: the version 5 UUID of slug in
// IDNamespace.
func DeriveID(slug string) uuid.UUID { return uuid.NewSHA1(idNamespace, []byte(slug)) }

// translit maps letters that lose their accent, or become two letters, in a slug.
var translit = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d",
	'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ı': "i", 'ŋ': "n",
	'&': "and", '@': "at", '+': "plus",
}

// accents maps accented Latin letters to their base letter. It is never written after
// initialisation.
var accents = func() map[rune]rune {
	m := map[rune]rune{}
	// Latin-1 Supplement and Latin Extended-A, grouped by base letter.
	groups := map[rune]string{
		'a': "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", 'c': "çćĉċčÇĆĈĊČ", 'd': "ďĎ", 'e': "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		'g': "ĝğġģĜĞĠĢ", 'h': "ĥħĤĦ", 'i': "ìíîïĩīĭįÌÍÎÏĨĪĬĮİ", 'j': "ĵĴ", 'k': "ķĶ",
		'l': "ĺļľŀĹĻĽĿ", 'n': "ñńņňÑŃŅŇ", 'o': "òóôõöōŏőÒÓÔÕÖŌŎŐ", 'r': "ŕŗřŔŖŘ",
		's': "śŝşšŚŜŞŠșȘ", 't': "ţťŧŢŤŦțȚ", 'u': "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", 'w': "ŵŴ",
		'y': "ýÿŷÝŸŶ", 'z': "źżžŹŻŽ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// Slugify returns s as a slug: lower-case ASCII letters and digits separated by single
// hyphens. Common accented letters lose their accent (é → e, ß → ss); other characters
// separate words.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	word := func(w string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(w)
	}
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteByte(byte(r))
		case r >= 'A' && r <= 'Z':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteByte(byte(r) + 'a' - 'A')
		case r < 0x80 && r != '\'' && r != '&' && r != '@' && r != '+':
			hyphen = true // white space and punctuation separate words
		case r == '\'' || r == '’':
			// "Harvest's" → "harvests"
		case accents[r] != 0:
			word(string(accents[r]))
		case translit[r] != "":
			if r == '&' || r == '@' || r == '+' {
				hyphen = true
				word(translit[r])
				hyphen = true
				continue
			}
			word(translit[r])
		default:
			hyphen = true
		}
	}
	return b.String()
}

// DeriveSlug returns the slug of an incident whose file gives none: its date (when known)
// followed by its title, as Slugify makes them, e.g. "2016-07-26-harvest-and-forecast-outage".
// Without title or date it is "incident".
func DeriveSlug(title string, date tz.Date) string {
	t := Slugify(title)
	if date != (tz.Date{}) {
		d := date.String()
		if t == "" {
			return d
		}
		return d + "-" + t
	}
	if t == "" {
		return "incident"
	}
	return t
}
