/* Replays fuzz inputs through a target's LLVMFuzzerTestOneInput without
 * libFuzzer, so that every test run (any compiler) checks the corpus. The
 * library must never print: anything written to stderr while an input
 * runs (libical has a habit) fails the replay.
 * usage: replay FILE-OR-DIRECTORY... */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run one input with stderr going to a temporary file; fail if anything
 * was written there. */
static int
run_quietly(const char *path, const unsigned char *data, size_t size)
{
	FILE *capture = tmpfile();
	int saved = dup(STDERR_FILENO), printed = 0;
	struct stat st;

	if (!capture || saved < 0) {
		perror("replay: capturing stderr");
		if (capture)
			fclose(capture);
		if (saved >= 0)
			close(saved);
		return 1;
	}
	fflush(stderr);
	dup2(fileno(capture), STDERR_FILENO);
	LLVMFuzzerTestOneInput(data, size);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	if (fstat(fileno(capture), &st) == 0 && st.st_size > 0) {
		char text[200] = "";

		rewind(capture);
		if (!fgets(text, sizeof(text), capture))
			text[0] = '\0';
		fprintf(stderr, "%s: the library printed to stderr: %s", path,
		        text);
		printed = 1;
	}
	fclose(capture);
	return printed;
}

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t size = 0, capacity = 0, got;

	if (!f) {
		perror(path);
		return 1;
	}
	do {
		if (size == capacity) {
			unsigned char *grown;

			capacity = capacity ? capacity * 2 : 4096;
			grown = realloc(data, capacity);
			if (!grown) {
				free(data);
				fclose(f);
				return 1;
			}
			data = grown;
		}
		got = fread(data + size, 1, capacity - size, f);
		size += got;
	} while (got);
	fclose(f);
	if (run_quietly(path, data, size)) {
		free(data);
		return 1;
	}
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	int failed = 0, files = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *dir;
		struct dirent *entry;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			failed |= replay_file(argv[i]);
			files++;
			continue;
		}
		dir = opendir(argv[i]);
		if (!dir) {
			perror(argv[i]);
			return 1;
		}
		while ((entry = readdir(dir))) {
			char path[4096];

			if (entry->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i],
			         entry->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				failed |= replay_file(path);
				files++;
			}
		}
		closedir(dir);
	}
	printf("replayed %d inputs\n", files);
	return failed || files == 0;
}
