package slack

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var testDir = &directory{
	users:    map[string]string{"U1": "alice", "U2": "Bob Builder"},
	channels: map[string]string{"C1": "general"},
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"paging <@U2>", "paging @Bob Builder"},
		{"<@U9|zed> and <@U9>", "@zed and @U9"},
		{"<@U1|old-name>", "@alice"},
		{"see <#C1|general>", "see #general"},
		{"see <#C1>", "see #general"},
		{"see <#C9>", "see #C9"},
		{"<!here> <!channel> <!everyone>", "@here @channel @everyone"},
		{"<!here|here> now", "@here now"},
		{"<!subteam^S1|@oncall> please", "@oncall please"},
		{"<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"},
		{"<https://x.example/a?b=1&amp;c=2|the graph>", "[the graph](https://x.example/a?b=1&c=2)"},
		{"<https://x.example/a>", "https://x.example/a"},
		{"<https://x.example/a|https://x.example/a>", "https://x.example/a"},
		{"<https://x.example/|a [b]>", `[a \[b\]](https://x.example/)`},
		{"<https://x.example/(x)|x>", "[x](<https://x.example/(x)>)"},
		{"<mailto:a@example.com|a@example.com>", "[a@example.com](mailto:a@example.com)"},
		{"&lt;2% errors &amp; dropping &gt; 5", "<2% errors & dropping > 5"},
		{"&amp;lt; stays escaped once", "&lt; stays escaped once"},
		{"unclosed <https://x.example", "unclosed <https://x.example"},
		{"19:00 PST is text", "19:00 PST is text"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, testDir.text(tt.in))
		})
	}
}
